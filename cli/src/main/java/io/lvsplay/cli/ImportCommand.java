package io.lvsplay.cli;

import io.lvsplay.cli.importer.ClusterFiles;
import io.lvsplay.cli.importer.ImportException;
import io.lvsplay.cli.importer.IpvsadmSave;
import io.lvsplay.cli.importer.KeepalivedConf;
import io.lvsplay.cli.importer.LdirectordConf;
import io.lvsplay.cli.importer.VirtualService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** lvsplay import: an existing director's ipvsadm -Sn output, keepalived.conf or ldirectord.cf become an inventory and group_vars. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Writes the inventory and group_vars/all.yml that make playbooks/site.yml rebuild an existing "
                + "LVS director: its services from `ipvsadm -Sn` output, its HA settings, checks and services from "
                + "keepalived.conf, or from ldirectord.cf (the heartbeat + ldirectord stack).")
final class ImportCommand implements Callable<Integer> {

    @Option(names = "--ipvsadm", paramLabel = "FILE", description = "`ipvsadm -Sn` output (the services, the live truth).")
    Path ipvsadm;

    @Option(names = "--keepalived", paramLabel = "FILE", description = "keepalived.conf (vrrp_instance, virtual_server).")
    Path keepalived;

    @Option(names = "--ldirectord", paramLabel = "FILE", description = "ldirectord.cf (virtual= blocks: services, checks, fallback).")
    Path ldirectord;

    @Option(names = "--director", paramLabel = "NAME=ADDRESS", required = true,
            description = "A director of the inventory (repeat for HA; the first is the one whose files these are).")
    List<String> directors;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Where inventory.ini and group_vars/ go.")
    Path out;

    @Option(names = "--from", paramLabel = "HOST", description = "Read a live director of the inventory (-i) over SSH: "
            + "its IPVS table (kernel or lvsplay agent), keepalived.conf or ldirectord.cf (playbooks/lvs-import-collect.yml).")
    String from;

    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY", description = "The inventory that reaches --from HOST.")
    String inventory;

    @Override
    public Integer call() {
        if (from == null) {
            return importFiles();
        }
        if (ipvsadm != null || keepalived != null || ldirectord != null) {
            System.err.println("ERROR! --from HOST reads the files from the host: give either --from or --ipvsadm/--keepalived/--ldirectord");
            return ExitCodes.BAD_INPUT;
        }
        if (inventory == null) {
            System.err.println("ERROR! --from HOST needs the inventory that reaches it: -i INVENTORY");
            return ExitCodes.BAD_INPUT;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("lvsplay-import-",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            int rc = collect(dir);
            if (rc != ExitCodes.OK) {
                System.err.println("ERROR! could not read the director " + from + " (the run above says why)");
                return rc;
            }
            ipvsadm = existing(dir.resolve("ipvsadm.txt"));
            // the packages install placeholders (Debian's ldirectord.cf is a comment): only a file that
            // configures something is the HA manager's
            keepalived = configuring(dir.resolve("keepalived.conf"), "(?m)^\\s*(vrrp_instance|virtual_server)\\b");
            ldirectord = configuring(dir.resolve("ldirectord.cf"), "(?m)^\\s*virtual\\s*=");
            if (keepalived != null && ldirectord != null) {
                System.err.println("ERROR! " + from + " has both /etc/keepalived/keepalived.conf and /etc/ha.d/ldirectord.cf: "
                        + "import one HA manager, from files (lvsplay import --ipvsadm ... --keepalived FILE | --ldirectord FILE)");
                return ExitCodes.GENERIC_ERROR;
            }
            return importFiles();
        } catch (IOException e) {
            System.err.println("ERROR! " + e.getMessage());
            return ExitCodes.GENERIC_ERROR;
        } finally {
            deleteQuietly(dir); // keepalived.conf and ldirectord.cf hold secrets: nothing stays on the controller
        }
    }

    /** Runs playbooks/lvs-import-collect.yml against the host: it copies what it finds into {@code dir}. */
    private int collect(Path dir) {
        Optional<Path> playbook = io.lvsplay.cli.verify.Playbooks.find("lvs-import-collect.yml");
        if (playbook.isEmpty()) {
            System.err.println("ERROR! cannot find playbooks/lvs-import-collect.yml: set LVSPLAY_HOME to the lvsplay checkout or run from it");
            return ExitCodes.BAD_INPUT;
        }
        return Main.execute(new String[] {"run", "-i", inventory, playbook.get().toString(),
            "-e", "lvs_import_host=" + from, "-e", "lvs_import_dir=" + dir});
    }

    /** What the files are called in messages and comments: with --from, where they were on the director. */
    private String name(Path p) {
        if (from == null) {
            return p.toString();
        }
        String file = p.getFileName().toString();
        return from + ":" + switch (file) {
            case "keepalived.conf" -> "/etc/keepalived/keepalived.conf";
            case "ldirectord.cf" -> "/etc/ha.d/ldirectord.cf";
            default -> "ipvsadm -Sn";
        };
    }

    private static Path existing(Path p) {
        return Files.isRegularFile(p) ? p : null;
    }

    private static Path configuring(Path p, String pattern) throws IOException {
        return Files.isRegularFile(p) && java.util.regex.Pattern.compile(pattern).matcher(Files.readString(p)).find() ? p : null;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp directory left behind is 0700
        }
    }

    private Integer importFiles() {
        try {
            if (ipvsadm == null && keepalived == null && ldirectord == null) {
                throw new ImportException(from != null ? from + " has no IPVS table, keepalived.conf or ldirectord.cf to import"
                        : "give --ipvsadm FILE, --keepalived FILE or --ldirectord FILE, or --from HOST -i INVENTORY");
            }
            if (keepalived != null && ldirectord != null) {
                throw new ImportException("--keepalived and --ldirectord are two HA managers for the same table: import one of them");
            }
            List<VirtualService> services = ipvsadm == null ? List.of() : IpvsadmSave.parse(read(ipvsadm), name(ipvsadm));
            if (ldirectord != null) {
                return importLdirectord(services);
            }
            KeepalivedConf.Import ka = keepalived == null
                    ? new KeepalivedConf.Import(List.of(), Map.of(), Map.of(), null, List.of())
                    : KeepalivedConf.parse(read(keepalived), name(keepalived));
            if (services.isEmpty()) {
                services = ka.services();
            } else if (!ka.services().isEmpty() && !ka.services().equals(services)) {
                throw new ImportException("the services of " + name(keepalived) + " differ from " + name(ipvsadm)
                        + " (keepalived drives IPVS: the two should agree); import one of them");
            }
            List<ClusterFiles.Director> ds = directors();
            String sources = String.join(", ", java.util.stream.Stream.of(ipvsadm, keepalived)
                    .filter(java.util.Objects::nonNull).map(this::name).toList());
            Files.createDirectories(out.resolve("group_vars"));
            Files.writeString(out.resolve("inventory.ini"), ClusterFiles.inventory(ds, services, ka.vrrp(), sources));
            Files.writeString(out.resolve("group_vars/all.yml"),
                    ClusterFiles.groupVars(services, ka.checks(), ka.sorryServers(), ka.vrrp(), ka.notImported()));
            ka.notImported().forEach(n -> System.err.println("[WARNING]: not imported (lvsplay does not render it): " + n));
            System.out.println("imported " + services.size() + " virtual service(s)" + (ka.vrrp() != null ? " and HA (keepalived)" : "")
                    + " into " + out.resolve("inventory.ini") + " and " + out.resolve("group_vars/all.yml"));
            System.out.println("next: ./lvsplay run -i " + out.resolve("inventory.ini") + " playbooks/site.yml --check --diff");
            return ExitCodes.OK;
        } catch (ImportException | IOException | NumberFormatException e) {
            System.err.println("ERROR! " + e.getMessage());
            return ExitCodes.GENERIC_ERROR;
        }
    }

    /** ldirectord.cf is what ldirectord keeps IPVS at: the ipvsadm output, if given, must have the same services. */
    private Integer importLdirectord(List<VirtualService> live) throws IOException {
        LdirectordConf.Import ld = LdirectordConf.parse(read(ldirectord), name(ldirectord));
        List<String> liveKeys = live.stream().map(VirtualService::key).sorted().toList();
        List<String> keys = ld.services().stream().map(VirtualService::key).sorted().toList();
        if (ipvsadm != null && !liveKeys.equals(keys)) {
            throw new ImportException("the services of " + name(ldirectord) + " " + keys + " differ from " + name(ipvsadm) + " " + liveKeys
                    + " (ldirectord keeps IPVS at its file): import one of them");
        }
        Map<String, Map<String, Object>> extras = new LinkedHashMap<>();
        ld.quiescent().forEach((key, q) -> extras.put(key, Map.of("inhibit_on_failure", q)));
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("lvs_ha", true);
        cluster.put("lvs_ha_manager", "heartbeat");
        if (ld.log() != null) {
            cluster.put("ldirectord_log", ld.log());
        }
        List<ClusterFiles.Director> ds = directors();
        Files.createDirectories(out.resolve("group_vars"));
        Files.writeString(out.resolve("inventory.ini"), ClusterFiles.inventory(ds, ld.services(), null, name(ldirectord)));
        Files.writeString(out.resolve("group_vars/all.yml"), ClusterFiles.groupVars(ld.services(), ld.checks(), ld.sorryServers(),
                null, ld.notImported(), extras, cluster)
                + "# heartbeat_auth_secret: the authkeys secret is not in ldirectord.cf: set it in an ansible-vault file\n");
        ld.notImported().forEach(n -> System.err.println("[WARNING]: not imported (lvsplay does not render it): " + n));
        System.out.println("imported " + ld.services().size() + " virtual service(s) and HA (heartbeat + ldirectord) into "
                + out.resolve("inventory.ini") + " and " + out.resolve("group_vars/all.yml"));
        System.out.println("next: set heartbeat_auth_secret (ansible-vault), then ./lvsplay run -i " + out.resolve("inventory.ini")
                + " playbooks/heartbeat-ha.yml --check --diff");
        return ExitCodes.OK;
    }

    private List<ClusterFiles.Director> directors() {
        List<ClusterFiles.Director> ds = new ArrayList<>();
        for (String d : directors) {
            String[] kv = d.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new ImportException("--director wants NAME=ADDRESS, got " + d);
            }
            ds.add(new ClusterFiles.Director(kv[0], kv[1]));
        }
        return ds;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p);
    }
}
