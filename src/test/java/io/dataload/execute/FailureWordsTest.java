package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Failures a user can act on: the reason, not null or a bare class name. */
class FailureWordsTest {

    @Test
    void aRefusedConnectionSaysSo() {
        assertEquals("connection refused", Runner.reason(new ConnectException()));
        assertEquals("HTTP call failed: connection refused",
                Runner.reason(new IllegalStateException("HTTP call failed", new ConnectException())));
        assertEquals("IllegalStateException", Runner.reason(new IllegalStateException()));
    }

    @Test
    void aConnectionFailureNamesItsCause() {
        SQLException link = new SQLException("Communications link failure\n\nThe last packet sent...", "08S01", 0,
                new ConnectException("Connection refused"));
        assertEquals("Communications link failure (Connection refused)", SqlErrorText.failure(link, null).message());
    }
}
