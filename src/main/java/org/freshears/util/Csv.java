package org.freshears.util;

import java.util.ArrayList;
import java.util.List;

/** Minimal RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; quotes doubled. */
public final class Csv {
    private Csv() {}

    /** Parses a whole CSV text into rows of fields (quoted fields may span lines). */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> { quoted = true; any = true; }
                case ',' -> { row.add(field.toString()); field.setLength(0); any = true; }
                case '\r' -> { }
                case '\n' -> {
                    if (any || field.length() > 0) row.add(field.toString());
                    if (!row.isEmpty()) rows.add(row);
                    row = new ArrayList<>();
                    field.setLength(0);
                    any = false;
                }
                default -> { field.append(c); any = true; }
            }
        }
        if (any || field.length() > 0) row.add(field.toString());
        if (!row.isEmpty()) rows.add(row);
        return rows;
    }

    /** One CSV line (no line break) from the given fields. */
    public static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }
}
