package io.dataload.config;

import java.util.List;
import java.util.Optional;

/**
 * The resource file's {@code Snowflake:} section: the account and user, where queries run (role,
 * warehouse, database, schema), and how the user logs in — a password, or a key pair
 * ({@code PrivateKeyFile}, PKCS#8, with {@code PrivateKeyPassphrase} when it is encrypted).
 * {@code Endpoint} is optional: the account's {@code ACCOUNT.snowflakecomputing.com} when absent,
 * or another host or base URL (a private link, a local stand-in such as {@code http://127.0.0.1:8085}).
 */
public record SnowflakeSettings(String account, String user, String role, String warehouse, String database,
        String schema, String password, String privateKeyFile, String privateKeyPassphrase, String endpoint) {

    public static final String SECTION = "Snowflake";

    /**
     * Reads the section; what a login cannot do without (the account, the user, a password or a key
     * file; not both) is added to {@code problems}, located at the section (or the file).
     */
    public static SnowflakeSettings read(Resources resources, List<Problem> problems) {
        String account = value(resources, "Account");
        String user = value(resources, "User");
        String password = value(resources, "Password");
        String keyFile = value(resources, "PrivateKeyFile");
        Location section = resources.location(SECTION);
        String where = resources.displayPath() == null ? "no resource file (-r) was given, so " : "";
        if (account == null) {
            problems.add(new Problem(section, where + SECTION + ".Account is missing: the account identifier,"
                    + " e.g. myorg-myaccount"));
        }
        if (user == null) {
            problems.add(new Problem(section, where + SECTION + ".User is missing: the user DataLoad logs in as"));
        }
        if (password == null && keyFile == null && user != null) {
            problems.add(new Problem(section, SECTION + ": give PrivateKeyFile (key-pair login, with PrivateKeyPassphrase"
                    + " when the key is encrypted) or Password"));
        } else if (password != null && keyFile != null) {
            problems.add(new Problem(resources.location(SECTION + ".Password"), SECTION
                    + ": give either Password or PrivateKeyFile, not both"));
        }
        String passphrase = value(resources, "PrivateKeyPassphrase");
        if (passphrase != null && keyFile == null) {
            problems.add(new Problem(resources.location(SECTION + ".PrivateKeyPassphrase"), SECTION
                    + ".PrivateKeyPassphrase is given without PrivateKeyFile"));
        }
        return new SnowflakeSettings(account, user, value(resources, "Role"), value(resources, "Warehouse"),
                value(resources, "Database"), value(resources, "Schema"), password, keyFile, passphrase,
                value(resources, "Endpoint"));
    }

    private static String value(Resources resources, String key) {
        Optional<String> value = resources.get(SECTION + "." + key);
        return value.filter(v -> !v.isBlank() && !v.equals("None")).orElse(null);
    }

    @Override
    public String toString() {
        return "SnowflakeSettings[account=" + account + ", user=" + user + ", role=" + role + ", warehouse=" + warehouse
                + ", database=" + database + ", schema=" + schema + ", password=" + (password == null ? null : "****")
                + ", privateKeyFile=" + privateKeyFile + ", endpoint=" + endpoint + "]";
    }
}
