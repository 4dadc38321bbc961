package dev.retention.domain.event;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Equality of JSON-like values (maps, lists, strings, numbers, booleans, null) in which 5, 5L and 5.0 are equal. */
final class JsonValues {

    private JsonValues() {}

    static boolean sameJson(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (left instanceof Map<?, ?> a && right instanceof Map<?, ?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : a.entrySet()) {
                if (!b.containsKey(entry.getKey()) || !sameJson(entry.getValue(), b.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof List<?> a && right instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<?> other = b.iterator();
            for (Object value : a) {
                if (!sameJson(value, other.next())) {
                    return false;
                }
            }
            return true;
        }
        return left == null ? right == null : left.equals(right);
    }
}
