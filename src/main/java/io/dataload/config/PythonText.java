package io.dataload.config;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
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
        // the shortest digits that read back as the same double (Schubfach, as Python's repr finds them),
        // laid out by Python's rules below
        String text = NumberOutput.toString(Math.abs(d), true);
        int e = text.indexOf('E');
        int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
        String mantissa = e < 0 ? text : text.substring(0, e);
        int dot = mantissa.indexOf('.');
        String whole = dot < 0 ? mantissa : mantissa.substring(0, dot);
        String digits = dot < 0 ? mantissa : whole + mantissa.substring(dot + 1);
        int decimalPoint = whole.length() + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = digits.substring(lead);
        decimalPoint -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        if (digits.length() == 2) {
            // the writer prints at least two digits; Python's repr prefers one where one reads back the same
            String one = oneDigit(Math.abs(d), digits, decimalPoint);
            if (one != null) {
                return sign + layout(one.substring(1), decimalPoint + (one.charAt(0) == '+' ? 1 : 0));
            }
        }
        return sign + layout(digits, decimalPoint);
    }

    /**
     * The one-digit decimal nearest to {@code d} that reads back as {@code d}, or null: {@code +}
     * before the digit when rounding up carried into a new place (9.5 to 10).
     */
    private static String oneDigit(double d, String digits, int decimalPoint) {
        int low = digits.charAt(0) - '0';
        String best = null;
        BigDecimal bestDistance = null;
        BigDecimal exact = new BigDecimal(d);
        for (int digit : new int[] {low, low + 1}) {
            boolean carry = digit == 10;
            String text = (carry ? "1" : String.valueOf(digit)) + "e" + (decimalPoint - (carry ? 0 : 1));
            if (digit == 0 || Double.parseDouble(text) != d) {
                continue;
            }
            BigDecimal distance = new BigDecimal(text).subtract(exact).abs();
            if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
                best = (carry ? "+1" : "=" + digit);
                bestDistance = distance;
            }
        }
        return best;
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
        return pad(new StringBuilder(mantissa).append('e').append(exponent < 0 ? '-' : '+'), Math.abs(exponent), 2)
                .toString();
    }

    private static String dateTime(LocalDateTime t) {
        StringBuilder out = new StringBuilder(26);
        LocalDate date = t.toLocalDate();
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            out.append(date);
        } else {
            pad(out, year, 4).append('-');
            pad(out, date.getMonthValue(), 2).append('-');
            pad(out, date.getDayOfMonth(), 2);
        }
        return appendTime(out.append(' '), t.toLocalTime()).toString();
    }

    private static String time(LocalTime t) {
        return appendTime(new StringBuilder(15), t).toString();
    }

    /** {@code HH:MM:SS}, and {@code .ffffff} when there are microseconds, as Python prints them. */
    private static StringBuilder appendTime(StringBuilder out, LocalTime t) {
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        return micros == 0 ? out : pad(out.append('.'), micros, 6);
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        if (value < 0) {
            return out.append(value); // not a part of a date or time Python prints
        }
        int digits = 1;
        for (int rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            out.append('0');
        }
        int divisor = 1;
        for (int i = 1; i < digits; i++) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }

    private static String offset(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }
}
