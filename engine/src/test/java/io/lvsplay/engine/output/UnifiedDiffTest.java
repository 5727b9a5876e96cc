package io.lvsplay.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** --diff output: the hunks GNU "diff -u" prints (expected texts below were produced by diff -u). */
class UnifiedDiffTest {

    private static String numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String hunks(String diff) {
        return diff.substring(diff.indexOf("@@"));
    }

    @Test
    void headerNamesTheFileOnBothSides() {
        String diff = UnifiedDiff.of("/etc/x.conf", "a\n", "b\n");
        assertEquals("--- before: /etc/x.conf\n+++ after: /etc/x.conf\n@@ -1 +1 @@\n-a\n+b\n", diff);
    }

    @Test
    void headerWithoutLabel() {
        assertEquals("--- before\n+++ after\n@@ -1 +1 @@\n-a\n+b\n", UnifiedDiff.of(null, "a\n", "b\n"));
    }

    @Test
    void changesCloseTogetherShareAHunkWithThreeLinesOfContext() {
        String before = numbers(1, 20);
        String after = before.replace("\n2\n", "\ntwo\n").replace("\n9\n", "\nnine\n").replace("\n18\n", "\neighteen\n");
        assertEquals("""
                @@ -1,12 +1,12 @@
                 1
                -2
                +two
                 3
                 4
                 5
                 6
                 7
                 8
                -9
                +nine
                 10
                 11
                 12
                @@ -15,6 +15,6 @@
                 15
                 16
                 17
                -18
                +eighteen
                 19
                 20
                """, hunks(UnifiedDiff.of("f", before, after)));
    }

    @Test
    void sixUnchangedLinesBetweenChangesStillMerge() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "A\nb\nc\nd\ne\nf\ng\nH\n";
        assertEquals("@@ -1,8 +1,8 @@\n-a\n+A\n b\n c\n d\n e\n f\n g\n-h\n+H\n", hunks(UnifiedDiff.of("f", before, after)));
    }

    @Test
    void sevenUnchangedLinesBetweenChangesSplitIntoTwoHunks() {
        String before = numbers(1, 9);
        String after = "one\n" + numbers(2, 8) + "nine\n";
        assertEquals("@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n@@ -6,4 +6,4 @@\n 6\n 7\n 8\n-9\n+nine\n",
                hunks(UnifiedDiff.of("f", before, after)));
    }

    @Test
    void appendedLine() {
        assertEquals("@@ -1,3 +1,4 @@\n a\n b\n c\n+d\n", hunks(UnifiedDiff.of("f", "a\nb\nc\n", "a\nb\nc\nd\n")));
    }

    @Test
    void removedLineInTheMiddle() {
        assertEquals("@@ -1,3 +1,2 @@\n a\n-b\n c\n", hunks(UnifiedDiff.of("f", "a\nb\nc\n", "a\nc\n")));
    }

    @Test
    void newFileFromEmptyBefore() {
        assertEquals("@@ -0,0 +1,2 @@\n+x\n+y\n", hunks(UnifiedDiff.of("f", "", "x\ny\n")));
    }

    @Test
    void missingBeforeIsTreatedAsEmpty() {
        assertEquals("@@ -0,0 +1 @@\n+x\n", hunks(UnifiedDiff.of("f", null, "x\n")));
    }

    @Test
    void fileEmptiedAfter() {
        assertEquals("@@ -1,2 +0,0 @@\n-x\n-y\n", hunks(UnifiedDiff.of("f", "x\ny\n", "")));
    }

    @Test
    void identicalTextsHaveNoHunk() {
        assertEquals("--- before: f\n+++ after: f\n", UnifiedDiff.of("f", "same\n", "same\n"));
    }

    @Test
    void insertionAfterLongUnchangedPrefixStartsAtTheRightLine() {
        String before = numbers(1, 10);
        String after = numbers(1, 5) + "new\n" + numbers(6, 10);
        assertEquals("@@ -3,6 +3,7 @@\n 3\n 4\n 5\n+new\n 6\n 7\n 8\n", hunks(UnifiedDiff.of("f", before, after)));
    }
}
