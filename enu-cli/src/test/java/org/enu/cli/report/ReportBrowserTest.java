package org.enu.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.enu.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of short IAF, STDP and T-maze runs opened in a real headless Chromium: the page
 * loads without console errors, every plot is there and not blank on screen, the T-maze
 * animation advances when played. A screenshot of each report is kept in
 * target/report-screenshots/. Chromium is installed when missing (ensure-chromium.sh); when it
 * cannot be, the test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {
    static final Path SHOTS = Path.of("target", "report-screenshots");

    @TempDir
    static Path tmp;

    Chromium browser;

    @BeforeAll
    void startBrowser() throws Exception {
        Process p = new ProcessBuilder("bash", "src/test/scripts/ensure-chromium.sh").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "installing chromium took too long");
        assertEquals(0, p.exitValue(), "Chromium is needed by this test and could not be installed: " + out);
        Files.createDirectories(SHOTS);
        browser = new Chromium(tmp.resolve("profile"));
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    static String[] args(String... a) {
        return a;
    }

    static void enu(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, String.join(" ", args) + ": " + err);
    }

    Path train(String task, String... sets) {
        Path dir = tmp.resolve(task);
        List<String> a = new ArrayList<>(List.of("train", task, "--generations", "3", "--out", dir.toString(),
                "--no-progress", "--set", "es.offspring=8"));
        for (String s : sets) {
            a.add("--set");
            a.add(s);
        }
        enu(a.toArray(new String[0]));
        enu("report", dir.toString(), "--envs", "32");
        return dir.resolve("report.html");
    }

    @Test
    void iafReport() throws Exception {
        Path page = train("iaf", "iaf.environments=4", "enu.memory=8", "enu.outputs=4");
        check("iaf", page, List.of("fitness", "seconds", "iaf-episode", "iaf-raster"));
    }

    @Test
    void stdpReport() throws Exception {
        Path page = train("stdp", "stdp.environments=4", "enu.memory=8", "enu.outputs=4");
        check("stdp", page, List.of("fitness", "seconds", "stdp-curve", "stdp-example"));
    }

    @Test
    void tmazeReportAnimates() throws Exception {
        Path page = train("tmaze", "tmaze.environments=4", "enu.memory=4", "enu.outputs=4");
        check("tmaze", page, List.of("fitness", "seconds", "tmaze-neurons", "tmaze-frames", "food-arm", "poison-taken"));
        // the animation: frame 0 until played, then it moves on by itself
        assertEquals("0", browser.eval("document.querySelector('[data-maze]').getAttribute('data-frame')").asText());
        String counter = browser.eval("document.querySelector('.frame-counter').textContent").asText();
        assertTrue(counter.startsWith("frame 0 / "), counter);
        String cursor = browser.eval("document.querySelector('.maze-chart svg rect.cursor').getAttribute('x')").asText();
        browser.eval("document.querySelector('.maze-player .play').click()");
        Chromium.waitFor("the animation to pass frame 2", () -> browser.eval(
                "Number(document.querySelector('[data-maze]').getAttribute('data-frame'))").asInt() >= 2);
        assertNotEquals(counter, browser.eval("document.querySelector('.frame-counter').textContent").asText());
        assertNotEquals(cursor, browser.eval("document.querySelector('.maze-chart svg rect.cursor').getAttribute('x')")
                .asText(), "the cursor on the neuron chart follows the frames");
        browser.eval("document.querySelector('.maze-player .play').click()"); // pause
        int paused = browser.eval("Number(document.querySelector('[data-maze]').getAttribute('data-frame'))").asInt();
        browser.eval("document.querySelector('.maze-player .next').click()");
        assertEquals(paused + 1, browser.eval(
                "Number(document.querySelector('[data-maze]').getAttribute('data-frame'))").asInt(), "step on");
        browser.eval("document.querySelector('.maze-player .prev').click()");
        assertEquals(paused, browser.eval(
                "Number(document.querySelector('[data-maze]').getAttribute('data-frame'))").asInt(), "step back");
        assertTrue(browser.errors.isEmpty(), "console errors: " + browser.errors);
    }

    /** Opens a report, checks its plots on screen and its console, keeps a screenshot of the whole page. */
    void check(String name, Path page, List<String> plots) throws Exception {
        browser.errors.clear();
        browser.open(page.toUri().toString());
        JsonNode found = browser.eval("Array.from(document.querySelectorAll('figure.plot')).map(f => f.dataset.plot)");
        List<String> ids = new ArrayList<>();
        found.forEach(n -> ids.add(n.asText()));
        assertEquals(plots, ids, name + ": the plots in the page");
        for (String id : plots) {
            JsonNode box = browser.eval("(() => { const r = document.querySelector('#fig-" + id
                    + " .svg svg').getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()");
            double w = box.get(2).asDouble();
            double h = box.get(3).asDouble();
            assertTrue(w > 200 && h > 100, name + "/" + id + ": drawn at " + w + " x " + h);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(browser.screenshot(box.get(0).asDouble(),
                    box.get(1).asDouble(), w, h)));
            Files.write(SHOTS.resolve(name + "-" + id + ".png"), browser.screenshot(box.get(0).asDouble(),
                    box.get(1).asDouble(), w, h));
            double[] ink = ink(img);
            assertTrue(ink[0] > 0.01, name + "/" + id + ": only " + ink[0] + " of the plot is not white");
            assertTrue(ink[1] > 0.002, name + "/" + id + ": only " + ink[1] + " of the plot is coloured (no data drawn?)");
        }
        double height = browser.eval("document.documentElement.scrollHeight").asDouble();
        Files.write(SHOTS.resolve(name + "-report.png"), browser.screenshot(0, 0, 1300, height));
        assertTrue(browser.errors.isEmpty(), name + ": console errors: " + browser.errors);
        String html = Files.readString(page);
        assertFalse(java.util.regex.Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//|<link |@import|url\\(\\s*[\"']?https?:")
                .matcher(html).find(), name + ": the page loads something from outside");
        assertEquals(0, browser.eval("performance.getEntriesByType('resource').length").asLong(),
                name + ": the page fetched resources");
    }

    /** The fraction of pixels that are not white, and of pixels in a clear colour (data, not grey axes or text). */
    static double[] ink(BufferedImage img) {
        long notWhite = 0;
        long coloured = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                if (r < 245 || g < 245 || b < 245) {
                    notWhite++;
                }
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        double n = (double) img.getWidth() * img.getHeight();
        return new double[] {notWhite / n, coloured / n};
    }
}
