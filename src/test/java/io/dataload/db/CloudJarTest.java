package io.dataload.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CloudJarTest {
    @Test
    void aMissingClassOfTheCloudJarIsNamedWithWhereTheJarBelongs() {
        assertEquals("the AWS SDK", CloudJar.libraryOf(
                new RuntimeException(new NoClassDefFoundError("software/amazon/awssdk/core/exception/SdkException"))));
        assertEquals("the Snowflake driver", CloudJar.libraryOf(
                new ClassNotFoundException("net.snowflake.client.jdbc.SnowflakeDriver")));
        assertNull(CloudJar.libraryOf(new NoClassDefFoundError("org/postgresql/Driver")));
        assertNull(CloudJar.libraryOf(new IllegalStateException("software.amazon is not a class")));
        assertTrue(CloudJar.missing("the AWS SDK").contains("lib/dataload-cloud.jar"));
    }
}
