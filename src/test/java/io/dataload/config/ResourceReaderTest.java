package io.dataload.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceReaderTest {
    @TempDir
    Path dir;

    @Test
    void flattensMapsListsAndScalarsAsPythonPrintsThem() throws Exception {
        Files.writeString(dir.resolve("r.yml"), """
                Region: "us-west-2"
                RDS:
                  Port: 5432
                  Ratio: 0.5
                  Public: true
                  Created: 2020-01-31
                Subnets:
                  - Cidr: "10.0.0.0/24"
                  - Cidr: "10.0.1.0/24"
                Empty:
                """);
        Resources resources = new ResourceReader().read("r.yml", dir.resolve("r.yml"));
        assertEquals(Map.of("Region", "us-west-2", "RDS.Port", "5432", "RDS.Ratio", "0.5", "RDS.Public", "True",
                "RDS.Created", "2020-01-31", "Subnets[0].Cidr", "10.0.0.0/24", "Subnets[1].Cidr", "10.0.1.0/24",
                "Empty", "None"), resources.values());
    }

    @Test
    void badYamlNamesTheLine() throws Exception {
        Files.writeString(dir.resolve("r.yml"), "RDS:\n  Port: 5432\n Name: [x\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ResourceReader().read("r.yml", dir.resolve("r.yml")));
        assertEquals("r.yml:3:2: invalid YAML: expected <block end>, but found '<block mapping start>'", e.getMessage());
    }
}
