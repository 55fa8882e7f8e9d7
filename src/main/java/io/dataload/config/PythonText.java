package io.dataload.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Text of a value as Python's {@code str()} prints it, so that placeholders from YAML numbers and
 * extracted rows read exactly as they did with the Python tool.
 */
public final class PythonText {

    private PythonText() {
    }

    public static String str(Object value) {
        if (value == null) {
            return "None";
        } else if (value instanceof String s) {
            return s;
        } else if (value instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (value instanceof Double d) {
            return repr(d);
        } else if (value instanceof Float f) {
            return repr(f.doubleValue());
        } else if (value instanceof BigDecimal d) {
            return d.toString();
        } else if (value instanceof java.sql.Timestamp t) {
            return dateTime(t.toLocalDateTime());
        } else if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        } else if (value instanceof java.sql.Time t) {
            return time(t.toLocalTime());
        } else if (value instanceof LocalDateTime t) {
            return dateTime(t);
        } else if (value instanceof OffsetDateTime t) {
            return dateTime(t.toLocalDateTime()) + offset(t.getOffset());
        } else if (value instanceof LocalDate d) {
            return d.toString();
        } else if (value instanceof LocalTime t) {
            return time(t);
        } else if (value instanceof OffsetTime t) {
            return time(t.toLocalTime()) + offset(t.getOffset());
        }
        return value.toString();
    }

    /** Python's {@code repr(float)}: the shortest digits that read back as the same double. */
    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == Math.abs(d)) {
                shortest = rounded;
                break;
            }
        }
        String digits = shortest.unscaledValue().toString().replaceAll("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        int decimalPoint = shortest.precision() - shortest.scale();
        return sign + layout(digits, decimalPoint);
    }

    private static String layout(String digits, int decimalPoint) {
        int n = digits.length();
        if (decimalPoint > -4 && decimalPoint <= 16) {
            if (decimalPoint <= 0) {
                return "0." + "0".repeat(-decimalPoint) + digits;
            }
            if (decimalPoint >= n) {
                return digits + "0".repeat(decimalPoint - n) + ".0";
            }
            return digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
        }
        int exponent = decimalPoint - 1;
        String mantissa = n == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    private static String dateTime(LocalDateTime t) {
        return t.toLocalDate() + " " + time(t.toLocalTime());
    }

    private static String time(LocalTime t) {
        String base = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? base : base + String.format(".%06d", micros);
    }

    private static String offset(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }
}
