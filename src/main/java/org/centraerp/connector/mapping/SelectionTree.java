package org.centraerp.connector.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;

/**
 * A GraphQL selection set that fields can be added to: fields by response key (alias or name), inline fragments by
 * type, and whatever else was there (named fragment spreads) kept as it is.
 */
final class SelectionTree {

    private final Field head;
    private final Map<String, SelectionTree> fields = new LinkedHashMap<>();
    private final Map<String, SelectionTree> fragments = new LinkedHashMap<>();
    private final List<Selection<?>> kept = new ArrayList<>();

    private SelectionTree(Field head) {
        this.head = head;
    }

    /**
     * @param inlineSpreads read named fragments' selections as inline fragments (to look fields up), instead of
     *                      keeping the spreads as they are (to print the document again)
     */
    static SelectionTree of(SelectionSet set, Map<String, FragmentDefinition> named, boolean inlineSpreads) {
        SelectionTree tree = new SelectionTree(null);
        tree.read(set, named, inlineSpreads);
        return tree;
    }

    private static SelectionTree ofField(Field field, Map<String, FragmentDefinition> named, boolean inlineSpreads) {
        SelectionTree tree = new SelectionTree(field.transform(b -> b.selectionSet(null)));
        tree.read(field.getSelectionSet(), named, inlineSpreads);
        return tree;
    }

    private void read(SelectionSet set, Map<String, FragmentDefinition> named, boolean inlineSpreads) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                SelectionTree existing = fields.get(field.getResultKey());
                if (existing == null) {
                    fields.put(field.getResultKey(), ofField(field, named, inlineSpreads));
                } else {
                    existing.read(field.getSelectionSet(), named, inlineSpreads);
                }
            } else if (selection instanceof InlineFragment fragment && fragment.getTypeCondition() != null) {
                fragment(fragment.getTypeCondition().getName()).read(fragment.getSelectionSet(), named, inlineSpreads);
            } else if (selection instanceof FragmentSpread spread && inlineSpreads && named.containsKey(spread.getName())) {
                FragmentDefinition definition = named.get(spread.getName());
                fragment(definition.getTypeCondition().getName()).read(definition.getSelectionSet(), named, true);
            } else {
                kept.add(selection);
            }
        }
    }

    /** The field's name in Centra's schema (not its alias). */
    String name() {
        return head.getName();
    }

    boolean hasArguments() {
        return !head.getArguments().isEmpty();
    }

    /** The child selected under this response key, if any. */
    SelectionTree field(String key) {
        return fields.get(key);
    }

    /** The child field of this name, added when not selected yet. */
    SelectionTree addField(String name) {
        return fields.computeIfAbsent(name, n -> new SelectionTree(Field.newField(n).build()));
    }

    Map<String, SelectionTree> fragments() {
        return fragments;
    }

    SelectionTree fragment(String type) {
        return fragments.computeIfAbsent(type, t -> new SelectionTree(null));
    }

    /** Chains of response keys down to every selected leaf field (fragments looked into). */
    List<List<String>> leaves() {
        List<List<String>> leaves = new ArrayList<>();
        collectLeaves(new ArrayList<>(), leaves);
        return leaves;
    }

    private void collectLeaves(List<String> at, List<List<String>> leaves) {
        fields.forEach((key, child) -> {
            List<String> chain = new ArrayList<>(at);
            chain.add(key);
            if (child.fields.isEmpty() && child.fragments.isEmpty()) {
                leaves.add(List.copyOf(chain));
            } else {
                child.collectLeaves(chain, leaves);
            }
        });
        fragments.values().forEach(f -> f.collectLeaves(at, leaves));
    }

    SelectionSet toAst() {
        List<Selection> selections = new ArrayList<>();
        fields.values().forEach(child -> selections.add(child.fields.isEmpty() && child.fragments.isEmpty()
                && child.kept.isEmpty() ? child.head : child.head.transform(b -> b.selectionSet(child.toAst()))));
        fragments.forEach((type, fragment) -> selections.add(InlineFragment.newInlineFragment()
                .typeCondition(TypeName.newTypeName(type).build()).selectionSet(fragment.toAst()).build()));
        selections.addAll(kept);
        return SelectionSet.newSelectionSet(selections).build();
    }
}
