package io.dataload.db;

/**
 * The Snowflake driver and the AWS SDK are packaged in {@code lib/dataload-cloud.jar}, which
 * {@code dataload.jar} names in its manifest: a jar copied without its {@code lib} folder still runs
 * everything else, and says this where one of them is needed.
 */
public final class CloudJar {
    private CloudJar() {
    }

    /** The message for a missing class of that library ({@code "the Snowflake driver"}, {@code "the AWS SDK"}). */
    public static String missing(String library) {
        return library + " is not on the class path: dataload.jar loads it from lib/dataload-cloud.jar next to itself;"
                + " copy target/lib along with target/dataload.jar";
    }

    /** The library a missing class belongs to, when it is one of this jar's, else null. */
    public static String libraryOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
                String text = String.valueOf(t.getMessage()).replace('/', '.');
                if (text.contains("software.amazon.")) {
                    return "the AWS SDK";
                }
                if (text.contains("net.snowflake.")) {
                    return "the Snowflake driver";
                }
            }
        }
        return null;
    }
}
