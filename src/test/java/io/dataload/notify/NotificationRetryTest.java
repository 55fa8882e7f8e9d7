package io.dataload.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only what can succeed on a second try is retried. */
class NotificationRetryTest {
    private final NotificationSender sender = new NotificationSender(() -> {
        throw new AssertionError("no AWS here");
    }, Duration.ofMillis(1), 3);

    @Test
    void aServerErrorIsRetriedAndThenSucceeds() throws Exception {
        try (FakeHttp http = new FakeHttp()) {
            http.failNext(2, 503);
            assertEquals("message sent", sender.send("slack", Map.of("webhook", http.url() + "/services/x", "text", "t")));
            assertEquals(3, http.requests("/services/").size());
        }
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        try (FakeHttp http = new FakeHttp()) {
            http.failNext(5, 404);
            Exception e = assertThrows(Exception.class,
                    () -> sender.send("slack", Map.of("webhook", http.url() + "/services/x", "text", "t")));
            assertTrue(e.getMessage().startsWith("HTTP 404"), e.getMessage());
            assertEquals(1, http.requests("/services/").size());
        }
    }

    @Test
    void aMalformedUrlFailsAtOnceWithAMessage() {
        Exception e = assertThrows(Exception.class, () -> sender.send("slack", Map.of("webhook", "not a url", "text", "t")));
        assertEquals("the webhook is not a valid URL: Illegal character in path", e.getMessage());
        assertEquals(false, NotificationSender.transientFailure(e));
    }
}
