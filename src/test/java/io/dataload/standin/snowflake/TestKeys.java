package io.dataload.standin.snowflake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** RSA key pairs for key-pair logins, written as PKCS#8 PEM files the way openssl pkcs8 -topk8 writes them. */
public final class TestKeys {
    private TestKeys() {
    }

    public static KeyPair generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** {@code -----BEGIN PRIVATE KEY-----} (openssl pkcs8 -topk8 -nocrypt). */
    public static Path writePlain(KeyPair pair, Path file) throws Exception {
        Files.writeString(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        return file;
    }

    /** {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}, PBES2 with AES-256 (openssl pkcs8 -topk8 -v2 aes-256-cbc). */
    public static Path writeEncrypted(KeyPair pair, String passphrase, Path file) throws Exception {
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        SecureRandom random = new SecureRandom();
        random.nextBytes(salt);
        random.nextBytes(iv);
        PBEParameterSpec spec = new PBEParameterSpec(salt, 2048, new IvParameterSpec(iv));
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(algorithm)
                .generateSecret(new PBEKeySpec(passphrase.toCharArray())), spec);
        byte[] encrypted = cipher.doFinal(pair.getPrivate().getEncoded());
        AlgorithmParameters parameters = AlgorithmParameters.getInstance(algorithm);
        parameters.init(spec);
        // EncryptedPrivateKeyInfo cannot name PBES2 by that algorithm's name: the DER is put together here
        byte[] identifier = der(0x30, concat(PBES2_OID, parameters.getEncoded()));
        byte[] info = der(0x30, concat(identifier, der(0x04, encrypted)));
        new EncryptedPrivateKeyInfo(info); // it parses
        Files.writeString(file, pem("ENCRYPTED PRIVATE KEY", info));
        return file;
    }

    /** OID 1.2.840.113549.1.5.13 (PBES2). */
    private static final byte[] PBES2_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01,
        0x05, 0x0D};

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 128 ? new byte[] {(byte) n}
                : n < 256 ? new byte[] {(byte) 0x81, (byte) n} : new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        return concat(new byte[] {(byte) tag}, concat(length, content));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
