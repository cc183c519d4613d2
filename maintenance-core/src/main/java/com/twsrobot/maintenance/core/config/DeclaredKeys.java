package com.twsrobot.maintenance.core.config;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.ConfigKeys;
import com.twsrobot.maintenance.api.ServiceProviders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every config key a runner's components declare: the library's own (given) and the plug-ins' its
 * class loader finds ({@link ConfigKeys} providers). Finds the declaration of a key as written in a
 * file and words the refusal of one nobody declares, with the nearest declared key.
 */
public final class DeclaredKeys {

    private static final Logger LOG = LoggerFactory.getLogger(DeclaredKeys.class);

    private final List<ConfigKeys> components;
    private final Map<String, ConfigKey> byName = new LinkedHashMap<>();

    private DeclaredKeys(List<ConfigKeys> components) {
        List<ConfigKeys> kept = new ArrayList<>();
        for (ConfigKeys component : components) {
            for (ConfigKey key : component.keys()) {
                ConfigKey earlier = byName.putIfAbsent(key.name(), key);
                if (earlier != null) { // a plug-in cannot redefine a key another component reads
                    LOG.warn("{} declares the config key {} again; the first declaration is kept", component.component(),
                            key.name());
                }
            }
            kept.add(component);
        }
        this.components = List.copyOf(kept);
    }

    /**
     * The given components' keys and those of every {@link ConfigKeys} plug-in {@code loader} finds (a
     * broken plug-in is logged and skipped).
     */
    public static DeclaredKeys of(List<ConfigKeys> builtIn, ClassLoader loader) {
        List<ConfigKeys> all = new ArrayList<>(builtIn);
        all.addAll(ServiceProviders.load(ConfigKeys.class, loader, LOG::warn));
        return new DeclaredKeys(all);
    }

    /** The declaring components, the library's first. */
    public List<ConfigKeys> components() {
        return components;
    }

    /** Every declaration, in component order. */
    public List<ConfigKey> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The declaration of {@code key}: its own, else the family with the longest prefix it belongs to
     * — unless a component declares single keys beside it in the family ({@code provider_option.yahoo.*}),
     * which makes that part of the family the component's: a key there that it does not declare is a typo.
     */
    public Optional<ConfigKey> find(String key) {
        ConfigKey exact = byName.get(key);
        if (exact != null && !exact.isFamily()) {
            return Optional.of(exact);
        }
        Optional<ConfigKey> family = byName.values().stream().filter(k -> k.isFamily() && k.matches(key))
                .max(Comparator.comparingInt(k -> k.prefix().length()));
        String parent = key.substring(0, key.lastIndexOf('.') + 1);
        boolean owned = family.isPresent() && parent.length() > family.get().prefix().length()
                && byName.values().stream().anyMatch(k -> !k.isFamily() && k.name().startsWith(parent));
        return owned ? Optional.empty() : family;
    }

    /** The refusal of a key nobody declares: the nearest declared key, and the keys beside it. */
    public String unknown(String key) {
        StringBuilder message = new StringBuilder("unknown setting '" + key + "'");
        Optional<String> near = nearest(key);
        near.ifPresent(n -> message.append("; did you mean '").append(n).append("'?"));
        String parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.') + 1) : "";
        List<String> beside = byName.values().stream().filter(k -> !parent.isEmpty() && k.name().startsWith(parent)
                && !k.name().substring(parent.length()).contains(".")).map(k -> k.name().substring(parent.length())).toList();
        if (!beside.isEmpty()) {
            message.append(" (known ").append(parent).append("* keys: ").append(String.join(", ", beside)).append(")");
        } else if (near.isEmpty()) {
            message.append(" (the keys are listed in docs/configuration.md)");
        }
        return message.toString();
    }

    /** The declared key (or family member) within a few edits of {@code key}, if one is. */
    Optional<String> nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey declared : byName.values()) {
            String candidate = declared.name();
            if (declared.isFamily()) {
                String member = key.contains(".") ? key.substring(key.indexOf('.') + 1) : "";
                if (member.isEmpty()) {
                    continue;
                }
                candidate = declared.prefix() + member;
            }
            int d = distance(key, candidate);
            if (d > 0 && d < bestDistance) { // a family candidate can be the key itself
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 5) ? Optional.of(best) : Optional.empty();
    }

    /** Of {@code candidates}, the one within a few edits of {@code word} (the closest), if one is. */
    static Optional<String> nearestOf(String word, java.util.Collection<String> candidates) {
        return candidates.stream().filter(c -> !c.equals(word))
                .min(Comparator.comparingInt((String c) -> distance(word, c)))
                .filter(c -> distance(word, c) <= Math.max(2, word.length() / 5));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
