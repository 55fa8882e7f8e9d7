package io.dataload.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
    private final SecretMasker masker = new SecretMasker(List.of(Map.of("RDS.MasterUserPassword", "S3cretPass9x")));

    @Test
    void aSecretCutShortByTheDatabaseIsMaskedWhereTheTextIsCut() {
        assertEquals("near 'x', '****...' at line 1", masker.mask("near 'x', 'S3cretPass9...' at line 1"));
        assertEquals("near '****' at line 1", masker.mask("near 'S3cretPa' at line 1"));
        assertEquals("cut: ****", masker.mask("cut: S3cre"));
        assertEquals("whole ****, again ****", masker.mask("whole S3cretPass9x, again s3cretpass9x"));
        // a short beginning, or one that goes on with other text, is not the secret
        assertEquals("S3c' and S3cretX'", masker.mask("S3c' and S3cretX'"));
    }

    @Test
    void aUrlPasswordRunsToTheNextAmpersand() {
        assertEquals("jdbc:postgresql://h/db?user=u&password=****&ssl=true",
                SecretMasker.none().mask("jdbc:postgresql://h/db?user=u&password=Pa;ss99&ssl=true"));
    }

    @Test
    void aCommonWordPasswordIsMaskedWhereItStandsAloneNotInsidePathsAndNames() {
        SecretMasker common = new SecretMasker(List.of(Map.of("RDS.MasterUserPassword", "postgres",
                "Service.Token", "MixedCaseSecret42")));
        assertEquals("configs/postgres/StagingArea.json, jdbc:postgresql://h/db, reports/TeamPerformancepostgres.csv,"
                + " ./postgresLoadT.py", common.mask("configs/postgres/StagingArea.json, jdbc:postgresql://h/db,"
                + " reports/TeamPerformancepostgres.csv, ./postgresLoadT.py"));
        assertEquals("password '****' for user=**** failed: ****", common.mask("password 'postgres' for user=postgres"
                + " failed: POSTGRES"));
        // a strong secret stays masked everywhere, inside names too
        assertEquals("column \"****x\"", common.mask("column \"mixedcasesecret42x\""));
        assertEquals(true, common.weakSecretWarning().contains("RDS.MasterUserPassword"));
        assertEquals(null, masker.weakSecretWarning());
    }
}
