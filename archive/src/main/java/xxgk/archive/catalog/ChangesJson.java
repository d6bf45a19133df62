package xxgk.archive.catalog;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON shape of a {@link ReportChange}, which scripts depend on: {@code {"kind": "new"|"changed"|"removed"|
 * "restored", "report", "agency", "year", "site", "url", "at": ISO-8601 UTC, "run"}}, and for {@code changed} also
 * {@code "old_sha256", "new_sha256"} and {@code "cells": [{"cell", "old", "new"}]}.
 */
public final class ChangesJson {

    private ChangesJson() {
    }

    public static ObjectNode toJson(ReportChange c, List<ChangedCells.CellChange> cells) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
        json.put("report", c.report());
        json.put("agency", c.agency());
        json.put("year", c.year());
        json.put("site", c.site());
        json.put("url", c.url());
        json.put("at", c.at().toString());
        json.put("run", c.run());
        if (c.kind() == ReportChange.Kind.CHANGED) {
            json.put("old_sha256", c.oldSha256().orElse(null));
            json.put("new_sha256", c.newSha256().orElse(null));
            ArrayNode changed = json.putArray("cells");
            cells.forEach(cell -> changed.addObject().put("cell", cell.cell()).put("old", cell.oldValue()).put("new", cell.newValue()));
        }
        return json;
    }
}
