package io.lvsplay.modules;

import io.lvsplay.engine.module.ModuleFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A controller directory as copy's action plugin walks it (_walk_dirs with local_follow, its
 * default): files (a link to a file counts as that file), the directories below the top one,
 * and the links that cannot be followed (broken, or circular) to be made as links. Relative
 * paths start with the top directory's name unless the src ended with "/", as rsync's.
 */
record CopySourceTree(List<Entry> files, List<String> directories, List<Entry> links) {

    /** A file (its controller path) or a link (its target, as readlink gives it) and where it goes. */
    record Entry(String source, String rel) {}

    static CopySourceTree walk(Path top, boolean contentsOnly) {
        List<Entry> files = new ArrayList<>();
        List<String> directories = new ArrayList<>();
        List<Entry> links = new ArrayList<>();
        String base = contentsOnly ? "" : top.getFileName().toString();
        Set<Path> parents = new HashSet<>();
        parents.add(realPath(top));
        new Walker(files, directories, links).walk(top, base, parents);
        return new CopySourceTree(files, directories, links);
    }

    private record Walker(List<Entry> files, List<String> directories, List<Entry> links) {
        void walk(Path dir, String rel, Set<Path> parents) {
            List<Path> children;
            try (Stream<Path> list = Files.list(dir)) {
                children = list.sorted().toList();
            } catch (IOException e) {
                throw new ModuleFailure("cannot read " + dir + " on the controller: " + e.getMessage());
            }
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.contains("\n")) {
                    throw new ModuleFailure("lvsplay does not support copying a file name with a newline: " + child);
                }
                String childRel = rel.isEmpty() ? name : rel + "/" + name;
                boolean link = Files.isSymbolicLink(child);
                if (Files.isDirectory(child)) {
                    Path real = realPath(child);
                    if (link && parents.contains(real)) {
                        links.add(new Entry(readLink(child), childRel));
                        continue;
                    }
                    directories.add(childRel);
                    Set<Path> inside = new HashSet<>(parents);
                    inside.add(real);
                    walk(child, childRel, inside);
                } else if (Files.isRegularFile(child)) {
                    files.add(new Entry(child.toString(), childRel));
                } else if (link) {
                    links.add(new Entry(readLink(child), childRel));
                }
            }
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new ModuleFailure("cannot read " + path + " on the controller: " + e.getMessage());
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new ModuleFailure("cannot read the link " + link + " on the controller: " + e.getMessage());
        }
    }
}
