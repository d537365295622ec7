package org.centraerp.connector.mapping;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;

/**
 * The master-data export (kind {@code master-data}): which Centra objects go to which ERP file, how.
 *
 * @param entities by Centra entity name ({@code stores}, {@code markets}, {@code warehouses}, {@code pricelists},
 *                 {@code sizeCharts}), in file order; an entity left out of the file is not exported
 */
public record MasterDataMapping(String file, Format format, Csv csv, Map<String, EntityExport> entities) {

    public enum Format { CSV, JSON }

    /** CSV settings (used when format is CSV). */
    public record Csv(char delimiter, Charset charset, boolean header) {
    }

    /** One exported entity: its output file name, optional ERP staging table, and columns. */
    public record EntityExport(String entity, String file, Optional<String> table, FieldMap fields) {
    }

    public Optional<EntityExport> entity(String name) {
        return Optional.ofNullable(entities.get(name));
    }
}
