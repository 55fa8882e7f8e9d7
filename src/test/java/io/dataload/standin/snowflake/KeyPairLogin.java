package io.dataload.standin.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks a key-pair login's JWT as Snowflake does: RS256 signed by the private key whose public key
 * is registered for the user, {@code sub = ACCOUNT.USER}, {@code iss = ACCOUNT.USER.SHA256:<fingerprint>}
 * (the fingerprint being the Base64 SHA-256 of the public key's DER form), not expired.
 */
final class KeyPairLogin {
    private KeyPairLogin() {
    }

    /** Null when the token is valid, else Snowflake's message. */
    static String verify(String token, String account, String user, PublicKey key) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return "JWT token is invalid.";
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            JsonNode header = SnowflakeStandIn.JSON.readTree(url.decode(parts[0]));
            JsonNode claims = SnowflakeStandIn.JSON.readTree(url.decode(parts[1]));
            if (!"RS256".equals(header.path("alg").asText())) {
                return "JWT token is invalid: alg " + header.path("alg").asText();
            }
            String principal = account.toUpperCase(Locale.ROOT).replaceAll("\\..*", "") + "."
                    + user.toUpperCase(Locale.ROOT);
            String fingerprint = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
            if (!principal.equals(claims.path("sub").asText())
                    || !(principal + ".SHA256:" + fingerprint).equals(claims.path("iss").asText())) {
                return "JWT token is invalid.";
            }
            if (claims.path("exp").asLong() * 1000 < System.currentTimeMillis()) {
                return "JWT token has expired.";
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(url.decode(parts[2])) ? null : "JWT token is invalid.";
        } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
            return "JWT token is invalid.";
        }
    }
}
