package io.dataload.output;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Writes the rows of a result set to one file, a row at a time; {@link #close()} completes the file. */
public interface RowWriter extends AutoCloseable {
    /** Writes the result set's current row. */
    void write(ResultSet row) throws SQLException, IOException;

    long rows();

    @Override
    void close() throws IOException, SQLException;

    /** Each row written is passed on (null: nobody wants them); an incremental window remembers its last. */
    interface RowListener {
        void row(ResultSet row) throws SQLException;
    }
}
