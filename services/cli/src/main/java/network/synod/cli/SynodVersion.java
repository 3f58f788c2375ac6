package network.synod.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version, which Maven writes into synod-version.properties at build time. */
final class SynodVersion implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = SynodVersion.class.getResourceAsStream("/synod-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"synod " + p.getProperty("version", "(unknown version)")};
    }
}
