package io.lvsplay.agent;

import io.lvsplay.agent.config.AgentConfig;
import io.lvsplay.agent.config.AgentConfigParser;
import io.lvsplay.agent.config.InvalidConfigException;
import io.lvsplay.agent.rules.RuleTable;
import io.lvsplay.agent.rules.RulesParser;

import java.nio.file.Path;
import java.util.Optional;

/** A rules file and agent config that were read and checked against each other. */
public record AgentSetup(RuleTable rules, AgentConfig config) {

    public static AgentSetup load(Path rulesFile, Optional<Path> configFile) throws InvalidConfigException {
        RuleTable rules = RulesParser.parse(rulesFile);
        AgentConfig config = AgentConfig.defaults();
        if (configFile.isPresent()) {
            config = AgentConfigParser.parse(configFile.get());
            AgentConfigParser.checkAgainst(config, rules, configFile.get().toString(), rulesFile.toString());
        }
        return new AgentSetup(rules, config);
    }
}
