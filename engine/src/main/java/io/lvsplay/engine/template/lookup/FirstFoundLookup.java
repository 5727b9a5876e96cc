package io.lvsplay.engine.template.lookup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * first_found: the first existing file among the terms; a term may be a mapping with
 * {@code files}, {@code paths} and {@code skip}, and names may be split on ',' or ';' (paths also
 * on ':'). No file found is an error unless skip is true.
 */
final class FirstFoundLookup {
    private FirstFoundLookup() {
    }

    static List<Object> run(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<String> search = new ArrayList<>();
        boolean skip = collect(terms, options, context, search);
        for (String name : search) {
            Optional<Path> found = FileLookups.find(context, "files", name);
            if (found.isPresent()) {
                List<Object> one = new ArrayList<>();
                one.add(found.get().toString());
                return one;
            }
        }
        if (skip) {
            return new ArrayList<>();
        }
        throw new LookupFailure("No file was found when using first_found.");
    }

    /** Adds the candidates of the terms to {@code search}; true if the (last) skip option is set. */
    private static boolean collect(List<?> terms, Map<String, Object> kwargs, LookupContext context,
                                   List<String> search) {
        boolean skip = FileLookups.isTrue(kwargs.getOrDefault("skip", false));
        for (Object term : terms) {
            Map<?, ?> direct = kwargs;
            if (term instanceof Map<?, ?> map) {
                direct = map;
            } else if (term instanceof List<?> inner) {
                skip = collect(inner, kwargs, context, search);
                continue;
            } else if (!(term instanceof String)) {
                throw new LookupFailure("Invalid term supplied, can handle string, mapping or list of strings but got: "
                        + term);
            }
            for (Object key : direct.keySet()) {
                if (!List.of("files", "paths", "skip").contains(String.valueOf(key))) {
                    throw new LookupFailure("Invalid option: " + key + " (first_found takes files, paths and skip)");
                }
            }
            List<String> files = split(direct.get("files"), ",;", context);
            List<String> paths = split(direct.get("paths"), ",:;", context);
            skip = FileLookups.isTrue(direct.get("skip") == null ? false : direct.get("skip"));
            if (!paths.isEmpty()) {
                for (String path : paths) {
                    for (String file : files) {
                        search.add(Path.of(path).resolve(file).toString());
                    }
                }
            } else if (!files.isEmpty()) {
                search.clear();
                search.addAll(files);
            } else {
                search.add(context.str(term));
            }
        }
        return skip;
    }

    private static List<String> split(Object value, String separators, LookupContext context) {
        List<String> parts = new ArrayList<>();
        if (value == null) {
            return parts;
        }
        if (value instanceof List<?> list) {
            list.forEach(v -> parts.addAll(split(v, separators, context)));
            return parts;
        }
        for (String part : context.str(value).split("[" + separators + "]")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }
}
