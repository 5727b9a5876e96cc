package io.lvsplay.engine.vault;

import io.lvsplay.engine.template.UnsafeTag;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.ConstructorException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** YAML with Ansible's vault: whole-file vault texts and inline "!vault |" values, decrypted by the installed keyring. */
public final class VaultYaml {
    public static final Tag VAULT_TAG = new Tag("!vault");

    private VaultYaml() {
    }

    /** Parses YAML text that may be a whole vault file or hold !vault values; every decrypted value is secret. */
    public static Object load(String text) {
        Object tree = new Yaml(new VaultConstructor()).load(openIfVaulted(text));
        if (VaultEnvelope.isVaulted(text)) {
            VaultKeyring.installed().revealValues(tree);
        }
        return tree;
    }

    /** The plaintext of a whole-file vault text (its values are revealed once parsed), else the text itself. */
    public static String openIfVaulted(String text) {
        return VaultEnvelope.isVaulted(text) ? VaultKeyring.installed().decrypt(text) : text;
    }

    /** The plain value of a "!vault" scalar node, with the node's line on errors. */
    public static String decryptNode(ScalarNode node) {
        try {
            return VaultKeyring.installed().decryptValue(node.getValue());
        } catch (VaultError e) {
            throw e.atLine(node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1);
        }
    }

    /** snakeyaml's safe constructor (YAML 1.1 types, as PyYAML) that also knows !vault and !unsafe. */
    public static final class VaultConstructor extends SafeConstructor {
        public VaultConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(VAULT_TAG, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return decryptNode((ScalarNode) node);
                }
            });
            yamlConstructors.put(UnsafeTag.TAG, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    try {
                        return UnsafeTag.value(node, VaultConstructor.this::constructObject);
                    } catch (IllegalArgumentException e) {
                        throw new ConstructorException(null, null, e.getMessage(), node.getStartMark()) { };
                    }
                }
            });
        }

        public Object valueOf(Node node) {
            return constructObject(node);
        }
    }
}
