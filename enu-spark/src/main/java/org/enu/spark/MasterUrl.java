package org.enu.spark;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.enu.config.ConfigException;

/** Checks the form of a Spark master URL before anything connects or writes. */
final class MasterUrl {
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,\\s*[1-9][0-9]*)?\\])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[[1-9][0-9]*,\\s*[1-9][0-9]*,\\s*[1-9][0-9]*\\]");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\-]+|\\[[0-9A-Fa-f:.]+\\]");

    private MasterUrl() {
    }

    /**
     * @throws ConfigException "--cluster: 'URL' REASON (known forms: ...)"
     */
    static void check(String master) {
        String m = master == null ? "" : master.strip();
        if (m.isEmpty()) {
            throw bad(master, "is empty");
        }
        if (m.equals("yarn") || LOCAL.matcher(m).matches() || LOCAL_CLUSTER.matcher(m).matches()) {
            return;
        }
        if (m.startsWith("local")) {
            throw bad(master, "is not local, local[N], local[*] or local[N,MAX_FAILURES]");
        }
        if (m.startsWith("spark://")) {
            String rest = m.substring("spark://".length());
            if (rest.isEmpty()) {
                throw bad(master, "names no host");
            }
            for (String hp : rest.split(",", -1)) { // spark://h1:7077,h2:7077 (standby masters)
                checkHostPort(master, hp);
            }
            return;
        }
        if (m.startsWith("k8s://")) {
            String api = m.substring("k8s://".length());
            if (api.isEmpty()) {
                throw bad(master, "names no API server (k8s://https://HOST:PORT)");
            }
            String url = api.contains("://") ? api : "https://" + api;
            try {
                URI u = new URI(url);
                if (u.getHost() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
                    throw bad(master, "has no valid API server address (k8s://https://HOST:PORT)");
                }
            } catch (URISyntaxException e) {
                throw bad(master, "has no valid API server address (" + e.getReason() + ")");
            }
            return;
        }
        throw bad(master, "is not a Spark master URL");
    }

    private static void checkHostPort(String master, String hp) {
        int colon = hp.lastIndexOf(':');
        if (colon < 0 || hp.endsWith("]")) {
            throw bad(master, "needs a port (spark://HOST:PORT, usually 7077)");
        }
        String host = hp.substring(0, colon);
        String port = hp.substring(colon + 1);
        if (host.isEmpty() || !HOST_PORT.matcher(host).matches()) {
            throw bad(master, "has no valid host name before ':" + port + "'");
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw bad(master, "has port '" + port + "', not a number");
        }
        if (p < 1 || p > 65535) {
            throw bad(master, "has port " + p + ", outside 1..65535");
        }
    }

    private static ConfigException bad(String master, String reason) {
        return new ConfigException("--cluster: '" + master + "' " + reason
                + " (known forms: local[N], spark://HOST:PORT, yarn, k8s://https://HOST:PORT)");
    }
}
