package org.enu.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A headless Debian Chromium driven over the DevTools protocol (a WebSocket, with the JDK's own
 * client): navigate, evaluate JavaScript, take screenshots, and collect console errors and
 * uncaught exceptions.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Console errors, uncaught exceptions and error log entries, in words. */
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    Chromium(Path profile) throws Exception {
        Files.createDirectories(profile);
        process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--window-size=1300,900", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        waitFor("Chromium's DevTools port (see " + profile.resolve("chromium.log") + ")", () -> {
            try {
                return Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2;
            } catch (IOException e) {
                return false;
            }
        });
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/json/list")).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body());
        String ws = null;
        for (JsonNode t : targets) {
            if (t.path("type").asText().equals("page")) {
                ws = t.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (ws == null) {
            throw new IllegalStateException("Chromium shows no page target: " + targets);
        }
        socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(URI.create(ws), new Listener())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        call("Runtime.enable", null);
        call("Log.enable", null);
        call("Page.enable", null);
    }

    /** Polls until the condition holds, failing after the timeout. */
    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** One DevTools command; its result. */
    JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            msg.set("params", params);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(msg.toString(), true).join();
        JsonNode r;
        try {
            r = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("DevTools " + method + ": no answer (" + e + ")");
        }
        if (r.has("error")) {
            throw new AssertionError("DevTools " + method + ": " + r.get("error"));
        }
        return r.path("result");
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Evaluates an expression in the page; its value (awaited if a promise), as JSON. */
    JsonNode eval(String expression) {
        JsonNode r = call("Runtime.evaluate", params().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new AssertionError("page script failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    void open(String url) throws InterruptedException {
        call("Page.navigate", params().put("url", url));
        waitFor("the page to load", () -> eval("document.readyState").asText().equals("complete")
                && eval("location.href").asText().equals(url));
    }

    /** A PNG of a part of the page, in CSS pixels from the page's top left corner. */
    byte[] screenshot(double x, double y, double w, double h) {
        ObjectNode clip = params().put("x", x).put("y", y).put("width", w).put("height", h).put("scale", 1);
        ObjectNode p = params().put("format", "png").put("captureBeyondViewport", true);
        p.set("clip", clip);
        return Base64.getDecoder().decode(call("Page.captureScreenshot", p).path("data").asText());
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser goes anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                handle(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private void handle(String message) {
            JsonNode m;
            try {
                m = JSON.readTree(message);
            } catch (IOException e) {
                errors.add("unreadable DevTools message: " + e);
                return;
            }
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
                return;
            }
            String method = m.path("method").asText();
            JsonNode p = m.path("params");
            switch (method) {
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) {
                        errors.add("console." + type + ": " + p.path("args"));
                    }
                }
                case "Runtime.exceptionThrown" -> errors.add("uncaught exception: " + p.path("exceptionDetails"));
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) {
                        errors.add("log error: " + p.path("entry").path("text").asText() + " "
                                + p.path("entry").path("url").asText());
                    }
                }
                default -> {
                }
            }
        }
    }
}
