package dev.tend.logs.format;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 fields of one record: quoted fields may hold commas, doubled quotes and newlines. */
final class Csv {
    private Csv() {}

    static List<String> fields(String record) {
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < record.length(); index++) {
            char c = record.charAt(index);
            if (quoted) {
                if (c == '"' && index + 1 < record.length() && record.charAt(index + 1) == '"') {
                    field.append('"');
                    index++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** An odd number of quotes: a quoted field is still open. */
    static boolean open(String record) {
        int quotes = 0;
        for (int index = 0; index < record.length(); index++) {
            if (record.charAt(index) == '"') quotes++;
        }
        return quotes % 2 == 1;
    }
}
