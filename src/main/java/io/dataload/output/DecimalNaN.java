package io.dataload.output;

/** A decimal column's NaN, which Python's Decimal prints as {@code NaN} (a float would be {@code nan}). */
public final class DecimalNaN extends Number {
    public static final DecimalNaN VALUE = new DecimalNaN();
    private static final long serialVersionUID = 1L;

    private DecimalNaN() {
    }

    @Override
    public int intValue() {
        return 0;
    }

    @Override
    public long longValue() {
        return 0;
    }

    @Override
    public float floatValue() {
        return Float.NaN;
    }

    @Override
    public double doubleValue() {
        return Double.NaN;
    }

    @Override
    public String toString() {
        return "NaN";
    }
}
