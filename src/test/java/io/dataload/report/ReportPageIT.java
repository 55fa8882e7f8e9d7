package io.dataload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page in a real headless browser, from file://: it loads without console errors, shows
 * every run, filters by status, and clicking a run draws its chain; no request leaves the page.
 */
class ReportPageIT {
    @TempDir
    Path dir;

    @Test
    void thePageOpensFromFileShowsTheRunsAndDrawsAClickedRunsChain() throws Exception {
        Files.writeString(dir.resolve("ok.sh"), "echo fine");
        Files.writeString(dir.resolve("fail.sh"), "echo 'it broke </script><b>' >&2; exit 3");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"ok.sh\"}}],"
                + " \"OnSuccess\": {\"run\": {\"file\": \"b.json\", \"action\": \"exec\"}}}");
        Files.writeString(dir.resolve("b.json"), "{\"Tables\": [{\"name\": \"b1\", \"scripts\": {\"exec\": \"ok.sh\"}},"
                + " {\"name\": \"b2\", \"scripts\": {\"exec\": \"ok.sh\"}}]}");
        Files.writeString(dir.resolve("c.json"), "{\"Tables\": [{\"name\": \"c\", \"scripts\": {\"exec\": \"fail.sh\"}}]}");
        assertEquals(0, CliRun.run(dir, "-q", "a.json", "exec").exit());
        assertEquals(1, CliRun.run(dir, "-q", "c.json", "exec").exit());
        assertEquals(0, CliRun.run(dir, "-q", "a.json", "exec").exit());
        CliRun report = CliRun.of("report", "-C", dir.toString(), "--html", "out/report.html");
        assertEquals(0, report.exit(), report.all());
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(!html.matches("(?s).*(src|href)=[\"']?https?:.*") && !html.contains("@import")
                && !html.contains("url(http") && !html.contains("fetch("), "self-contained: nothing loaded from outside");

        try (Chromium browser = Chromium.start()) {
            browser.open(dir.resolve("out/report.html").toUri().toString());
            assertEquals(3, browser.eval("document.querySelectorAll('#runs tbody tr.run').length").asInt());
            assertEquals("3 shown", browser.eval("document.getElementById('shown').textContent").asText());
            browser.eval("const s = document.getElementById('status-filter'); s.value = 'failed';"
                    + " s.dispatchEvent(new Event('change'))");
            assertEquals("1 shown", browser.eval("document.getElementById('shown').textContent").asText());
            browser.eval("const t = document.getElementById('status-filter'); t.value = '';"
                    + " t.dispatchEvent(new Event('change'))");
            // the newest run first: a.json with its chained b.json
            browser.eval("document.querySelector('#runs tbody tr.run').click()");
            assertEquals("block", browser.eval("getComputedStyle(document.getElementById('detail')).display").asText());
            assertEquals(2, browser.eval("document.querySelectorAll('#chain-graph g.node.run').length").asInt());
            assertEquals(List.of("a.json · exec", "b.json · exec"), List.of(
                    browser.eval("document.querySelectorAll('#chain-graph g.node.run > title')[0].textContent.split(':')[0]").asText(),
                    browser.eval("document.querySelectorAll('#chain-graph g.node.run > title')[1].textContent.split(':')[0]").asText()));
            assertEquals("OnSuccess", browser.eval("document.querySelector('#chain-graph .edge-label').textContent").asText());
            assertEquals(2, browser.eval("document.querySelectorAll('#duration-chart circle').length").asInt());
            // the failed run's error is text, not markup
            browser.eval("document.querySelectorAll('#runs tbody tr.run')[1].click()");
            assertTrue(browser.eval("document.getElementById('attempts').textContent").asText().contains("</script><b>"));
            browser.screenshot(Path.of("target/report-page.png").toAbsolutePath());
            assertEquals(List.of(), browser.errors(), "no console error or exception");
        }
    }
}
