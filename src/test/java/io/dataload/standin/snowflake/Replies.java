package io.dataload.standin.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/** The envelopes of Snowflake's query replies, as snowflake-jdbc reads them. */
final class Replies {
    /** Statement type ids (decimal), as {@code SFStatementType} knows them. */
    static final int SELECT = 4096;
    static final int INSERT = 12544;
    static final int UPDATE = 12800;
    static final int DELETE = 13056;
    static final int MERGE = 13312;
    static final int COPY = 13824;
    static final int ALTER_SESSION = 16640;
    static final int USE = 17152;
    static final int TCL = 20480;
    static final int DDL = 24576;

    private Replies() {
    }

    static String queryId() {
        return UUID.randomUUID().toString();
    }

    /** A failure as Snowflake sends it: HTTP 200, success false, code and SQLSTATE. */
    static JsonNode error(String code, String sqlState, String message) {
        ObjectNode reply = SnowflakeStandIn.JSON.createObjectNode().put("success", false).put("code", code)
                .put("message", message);
        reply.putObject("data").put("errorCode", code).put("sqlState", sqlState).put("queryId", queryId());
        return reply;
    }

    /** A success envelope whose data the caller fills ({@code rowtype}, {@code rowset}...). */
    static ObjectNode success(Session session, int statementType) {
        ObjectNode reply = SnowflakeStandIn.JSON.createObjectNode().put("success", true);
        reply.putNull("code");
        reply.putNull("message");
        ObjectNode data = reply.putObject("data");
        data.put("queryId", queryId()).put("statementTypeId", statementType).put("queryResultFormat", "json")
                .put("version", 1);
        data.putArray("parameters");
        data.put("finalDatabaseName", session.database).put("finalSchemaName", session.schema)
                .put("finalWarehouseName", session.warehouse).put("finalRoleName", session.role);
        return reply;
    }

    /** A reply whose rows are all text or numbers, given as strings ({@code columns}: name and type). */
    static ObjectNode rows(Session session, int statementType, List<String[]> columns, List<String[]> rows) {
        ObjectNode reply = success(session, statementType);
        ObjectNode data = (ObjectNode) reply.get("data");
        ArrayNode rowtype = data.putArray("rowtype");
        for (String[] column : columns) {
            ObjectNode type = rowtype.addObject().put("name", column[0]).put("type", column[1]).put("nullable", true);
            if (column[1].equals("fixed")) {
                type.put("precision", 19).put("scale", 0);
            } else {
                type.put("length", 16_777_216).put("byteLength", 16_777_216);
            }
        }
        ArrayNode rowset = data.putArray("rowset");
        for (String[] row : rows) {
            ArrayNode out = rowset.addArray();
            for (String value : row) {
                if (value == null) {
                    out.addNull();
                } else {
                    out.add(value);
                }
            }
        }
        data.put("total", rows.size()).put("returned", rows.size());
        return reply;
    }

    /** A statement that returns no rows of its own: its status text. */
    static ObjectNode status(Session session, int statementType, String text) {
        return rows(session, statementType, List.<String[]>of(new String[] {"status", "text"}),
                List.<String[]>of(new String[] {text}));
    }
}
