from kupur.cli import main

main()
