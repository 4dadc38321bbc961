package dev.retention.api.shared;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;

/**
 * The columns of an answer's CSV from its type, in the order of its record components, laid out as {@link CsvTable}
 * lays out the values: so the header is the same on every request, with a column for every field the type has,
 * whether or not this answer has a value for it. Maps (such as the reasons of undefined figures) have no fixed keys;
 * their columns come from the values.
 */
final class CsvColumns {

    private CsvColumns() {}

    static List<String> of(ResolvableType answer) {
        List<String> columns = new ArrayList<>();
        ResolvableType type = isCollection(answer) ? answer.asCollection().getGeneric(0) : answer;
        if (isRecord(type)) {
            walk(type, "", columns);
        }
        return columns;
    }

    private static void walk(ResolvableType type, String prefix, List<String> columns) {
        RecordComponent list = rowList(type);
        for (RecordComponent component : components(type)) {
            if (list == null || !component.getName().equals(list.getName())) {
                addColumns(componentType(type, component), (list == null ? "" : prefix) + component.getName(), columns);
            }
        }
        if (list != null) {
            walk(componentType(type, list).asCollection().getGeneric(0), prefix + list.getName() + ".", columns);
        }
    }

    private static void addColumns(ResolvableType type, String name, List<String> columns) {
        if (isRecord(type)) {
            for (RecordComponent component : components(type)) {
                addColumns(componentType(type, component), name + "." + component.getName(), columns);
            }
        } else if (!Map.class.isAssignableFrom(type.toClass())
                && !(isCollection(type) && isRecord(type.asCollection().getGeneric(0)))) {
            columns.add(name);
        }
    }

    /** The first component that is a list of records, as {@link CsvTable} takes the first list of objects. */
    private static RecordComponent rowList(ResolvableType type) {
        for (RecordComponent component : components(type)) {
            ResolvableType componentType = componentType(type, component);
            if (isCollection(componentType)
                    && isRecord(componentType.asCollection().getGeneric(0))) {
                return component;
            }
        }
        return null;
    }

    private static RecordComponent[] components(ResolvableType type) {
        return type.toClass().getRecordComponents();
    }

    /** The component's type with the owner's type arguments filled in (the items of a page of scores). */
    private static ResolvableType componentType(ResolvableType owner, RecordComponent component) {
        try {
            return ResolvableType.forField(owner.toClass().getDeclaredField(component.getName()), owner);
        } catch (NoSuchFieldException impossible) {
            return ResolvableType.forClass(component.getType());
        }
    }

    private static boolean isRecord(ResolvableType type) {
        return type.toClass().isRecord();
    }

    private static boolean isCollection(ResolvableType type) {
        return Collection.class.isAssignableFrom(type.toClass());
    }
}
