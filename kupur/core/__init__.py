"""The core every layer may use: the Article record, the error tree, Turkish text, places."""
