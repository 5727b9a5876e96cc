package io.lvsplay.engine.exec;

import java.util.ArrayList;
import java.util.List;

/** serial: splits a play's hosts into batches (a number, a percentage, or a list of them, the last repeating). */
final class SerialBatches {
    private SerialBatches() {
    }

    static List<List<String>> of(List<Object> serial, List<String> hosts) {
        if (serial.isEmpty()) {
            return List.of(hosts);
        }
        List<List<String>> batches = new ArrayList<>();
        int index = 0;
        int step = 0;
        while (index < hosts.size()) {
            String text = String.valueOf(serial.get(Math.min(step, serial.size() - 1))).trim();
            int size = text.endsWith("%")
                    ? Math.max(1, (int) (hosts.size() * Double.parseDouble(text.substring(0, text.length() - 1)) / 100))
                    : Integer.parseInt(text);
            size = size <= 0 ? hosts.size() : size;
            batches.add(hosts.subList(index, Math.min(hosts.size(), index + size)));
            index += size;
            step++;
        }
        return batches;
    }
}
