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
    void extremesPrintAsPythonRepr() {
        // CPython 3: repr(5e-324), repr(sys.float_info.max), repr(2.0**-1022), repr(9007199254740993.0), repr(1e22)
        assertEquals("5e-324", PythonText.str(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", PythonText.str(Double.MAX_VALUE));
        assertEquals("2.2250738585072014e-308", PythonText.str(Double.MIN_NORMAL));
        assertEquals("9007199254740992.0", PythonText.str(9007199254740993.0));
        assertEquals("1e+22", PythonText.str(1e22));
        assertEquals("-0.0", PythonText.str(-0.0));
        assertEquals("123456.789", PythonText.str(123456.789));
    }

    /** The shortest digits found by searching BigDecimal roundings, the former implementation, as an oracle. */
    private static String searchedRepr(double d) {
        BigDecimal exact = new BigDecimal(Math.abs(d));
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal rounded = exact.round(new java.math.MathContext(precision, java.math.RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == Math.abs(d)) {
                return rounded.stripTrailingZeros().unscaledValue().toString() + "e" + (rounded.precision()
                        - rounded.scale() - 1 - (rounded.stripTrailingZeros().precision() - rounded.precision()));
            }
        }
        throw new AssertionError(d);
    }

    @Test
    void randomDoublesGetTheSameShortestDigitsAsTheSearch() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 50_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
                continue;
            }
            String repr = PythonText.str(d);
            String mantissa = repr.replaceFirst("^-", "").replaceFirst("e.*$", "");
            String digits = mantissa.replace(".", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
            String expected = searchedRepr(d);
            assertEquals(expected.substring(0, expected.indexOf('e')), digits.isEmpty() ? "0" : digits, repr);
            assertEquals(d, Double.parseDouble(repr.replace("e+", "e")), repr);
        }
    }

    @Test
    void everyValueOfTheCPythonSampleMatchesItsRepr() throws Exception {
        int checked = 0;
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                PythonTextTest.class.getResourceAsStream("/python/float_repr.txt"),
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 2);
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
                assertEquals(parts[1], PythonText.str(d), parts[0]);
                checked++;
            }
        }
        assertEquals(2998, checked);
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
