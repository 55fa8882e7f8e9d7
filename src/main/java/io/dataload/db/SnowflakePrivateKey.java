package io.dataload.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.SQLException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The private key of a Snowflake key-pair login, read from a PKCS#8 file (PEM or DER, encrypted with
 * a passphrase or not) and handed to the driver unencrypted, in memory only. Read here rather than
 * by the driver so that each way it can go wrong — no such file, not readable, not PKCS#8, encrypted
 * without a passphrase, a wrong passphrase — fails the action with that reason.
 */
final class SnowflakePrivateKey {
    private static final String ENCRYPTED = "ENCRYPTED PRIVATE KEY";
    private static final String PLAIN = "PRIVATE KEY";

    private SnowflakePrivateKey() {
    }

    /**
     * The key as an unencrypted PKCS#8 PEM file's content in Base64: what the driver's
     * {@code private_key_base64} takes.
     */
    static String base64(Path file, String passphrase) throws SQLException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw failure(file, "no such file (Snowflake.PrivateKeyFile)");
        } catch (AccessDeniedException e) {
            throw failure(file, "permission denied");
        } catch (IOException e) {
            throw failure(file, "cannot read it: " + e.getMessage());
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        byte[] der;
        boolean encrypted;
        if (text.contains("-----BEGIN " + ENCRYPTED + "-----")) {
            der = pem(text, ENCRYPTED, file);
            encrypted = true;
        } else if (text.contains("-----BEGIN " + PLAIN + "-----")) {
            der = pem(text, PLAIN, file);
            encrypted = false;
        } else if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw failure(file, "a PKCS#1 (\"BEGIN RSA PRIVATE KEY\") key; Snowflake takes PKCS#8: convert it with"
                    + " openssl pkcs8 -topk8 -inform PEM -in KEY -out rsa_key.p8");
        } else if (text.contains("-----BEGIN")) {
            throw failure(file, "not a private key (PEM \"" + text.substring(text.indexOf("-----BEGIN") + 11)
                    .lines().findFirst().orElse("").replace("-----", "") + "\")");
        } else {
            der = content;
            encrypted = isEncryptedInfo(der);
        }
        byte[] plain;
        if (encrypted) {
            if (passphrase == null || passphrase.isEmpty()) {
                throw failure(file, "the key is encrypted: give its passphrase as Snowflake.PrivateKeyPassphrase");
            }
            plain = decrypt(der, passphrase, file);
        } else {
            plain = der;
        }
        try {
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(plain));
        } catch (GeneralSecurityException e) {
            throw failure(file, "not an RSA private key in PKCS#8 form");
        }
        String pem = "-----BEGIN " + PLAIN + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(plain)
                + "\n-----END " + PLAIN + "-----\n";
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] pem(String text, String label, Path file) throws SQLException {
        int start = text.indexOf("-----BEGIN " + label + "-----") + label.length() + 16;
        int end = text.indexOf("-----END " + label + "-----", start);
        if (end < 0) {
            throw failure(file, "the PEM block has no END line");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(start, end));
        } catch (IllegalArgumentException e) {
            throw failure(file, "the PEM block is not valid Base64");
        }
    }

    private static boolean isEncryptedInfo(byte[] der) {
        try {
            new EncryptedPrivateKeyInfo(der);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] decrypt(byte[] der, String passphrase, Path file) throws SQLException {
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            AlgorithmParameters parameters = info.getAlgParameters();
            // PBES2 keys (openssl's default) name their real algorithm in the parameters, e.g. PBEWithHmacSHA256AndAES_256
            String algorithm = parameters == null ? info.getAlgName() : parameters.toString();
            SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(passphrase.toCharArray())), parameters);
            return info.getKeySpec(cipher).getEncoded();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw failure(file, "encrypted with an algorithm Java cannot decrypt (" + e.getMessage() + "); re-encrypt it"
                    + " with openssl pkcs8 -topk8 -v2 aes-256-cbc");
        } catch (GeneralSecurityException | IOException e) {
            throw failure(file, "wrong passphrase (Snowflake.PrivateKeyPassphrase), or the key is damaged");
        }
    }

    private static SQLException failure(Path file, String reason) {
        return new SQLException("private key " + file + ": " + reason, "28000");
    }
}
