package dev.runbook.core;

import java.util.List;

/**
 * A text key of several values that no other values give: each string length-prefixed ({@code 5:hello}),
 * null as {@code -}, a number as {@code #12;}, a list as its size and {@code [} then its items (so what follows
 * a field's first character always says what kind of value it is). For
 * cache keys and page hashes made for thousands of pages per build, where a record's own {@code toString} or a
 * JSON writer per value was a visible share of a one-page edit.
 */
public final class KeyBuilder {

    private final StringBuilder key;

    public KeyBuilder(int capacity) {
        this.key = new StringBuilder(capacity);
    }

    public KeyBuilder add(String value) {
        if (value == null) {
            key.append('-');
        } else {
            key.append(value.length()).append(':').append(value);
        }
        return this;
    }

    public KeyBuilder add(int value) {
        key.append('#').append(value).append(';');
        return this;
    }

    public KeyBuilder add(List<String> values) {
        key.append(values.size()).append('[');
        values.forEach(this::add);
        return this;
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
