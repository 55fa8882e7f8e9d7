package io.dataload.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Expected texts are CPython's str() of the same values. */
class PythonTextTest {

    @Test
    void floatsPrintAsPythonRepr() {
        assertEquals("1e+16", PythonText.str(1e16));
        assertEquals("1000000000000000.0", PythonText.str(1e15));
        assertEquals("0.0001", PythonText.str(0.0001));
        assertEquals("1e-05", PythonText.str(0.00001));
        assertEquals("100.0", PythonText.str(100.0));
        assertEquals("0.30000000000000004", PythonText.str(0.1 + 0.2));
        assertEquals("-2.5e-07", PythonText.str(-2.5e-7));
        assertEquals("1.2345678901234568e+17", PythonText.str(123456789012345678.0));
        assertEquals("0.3333333333333333", PythonText.str(1.0 / 3));
        assertEquals("0.002", PythonText.str(0.002));
    }

    @Test
    void otherValues() {
        assertEquals("True", PythonText.str(true));
        assertEquals("None", PythonText.str(null));
        assertEquals("1.50", PythonText.str(new BigDecimal("1.50")));
        assertEquals("2026-01-05 09:00:00", PythonText.str(Timestamp.valueOf("2026-01-05 09:00:00")));
        assertEquals("2026-01-05 09:00:00.250000", PythonText.str(LocalDateTime.of(2026, 1, 5, 9, 0, 0, 250_000_000)));
    }
}
