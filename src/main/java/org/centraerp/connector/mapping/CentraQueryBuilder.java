package org.centraerp.connector.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.validation.ValidationError;
import org.centraerp.connector.centra.CentraSchema;
import org.centraerp.connector.mapping.CentraPaths.Read;

/**
 * Builds a Centra → ERP query from its frame (the operation, its arguments and the fields the flow needs) and the
 * paths the mapping reads, checked against Centra's schema; and checks a hand-written query the same way. A path
 * Centra's schema does not have is a problem naming the closest field; a path only some implementations of an
 * interface have (DirectToConsumerOrder, WholesaleOrder) is asked for in an inline fragment on each of them.
 */
final class CentraQueryBuilder {

    /** Something wrong with one read (key path in the mapping file) or with the query itself (key path empty). */
    record Problem(String keyPath, int queryLine, String message) {
    }

    /** The query's text, and what is wrong (the text is not to be used when there are problems). */
    record Result(String text, List<Problem> problems) {
    }

    private final CentraSchema schema;

    /** @param schema Centra's schema; null when unknown (reads are then added without checks or fragments) */
    CentraQueryBuilder(CentraSchema schema) {
        this.schema = schema;
    }

    /** The frame with every read added. */
    Result build(String frame, List<Read> reads) {
        Document document = Parser.parse(frame);
        Field list = listField(document);
        SelectionTree tree = SelectionTree.of(list.getSelectionSet(), Map.of(), false);
        List<Problem> problems = new ArrayList<>();
        GraphQLOutputType root = schema == null ? null : rootType(list, problems);
        for (Read read : reads) {
            if (schema == null) {
                SelectionTree at = tree;
                for (String name : read.chain()) {
                    at = at.addField(name);
                }
            } else if (root != null) {
                List<GraphQLNamedType> leaves = new ArrayList<>();
                String error = walk(tree, root, read.chain(), 0, leaves, true);
                problems.addAll(readProblems(read, error, leaves));
            }
        }
        Field built = list.transform(b -> b.selectionSet(tree.toAst()));
        return new Result(AstPrinter.printAst(replace(document, list, built)), problems);
    }

    /**
     * Problems of a hand-written query: not valid GraphQL, refused by Centra's schema, without the frame's variables,
     * or without a field the flow or the mapping reads.
     */
    List<Problem> check(String frame, String text, List<Read> reads) {
        Document document;
        try {
            document = Parser.parse(text);
        } catch (InvalidSyntaxException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLine();
            return List.of(new Problem("", line, "not valid GraphQL: " + e.getMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        if (schema != null) {
            for (ValidationError error : schema.validate(document)) {
                int line = error.getLocations() == null || error.getLocations().isEmpty() ? 0
                        : error.getLocations().get(0).getLine();
                problems.add(new Problem("", line, "Centra would refuse it: " + error.getDescription()));
            }
        }
        Document frameDocument = Parser.parse(frame);
        Set<String> declared = operation(document).getVariableDefinitions().stream().map(VariableDefinition::getName)
                .collect(Collectors.toSet());
        List<String> lacking = operation(frameDocument).getVariableDefinitions().stream()
                .map(VariableDefinition::getName).filter(v -> !declared.contains(v)).toList();
        if (!lacking.isEmpty()) {
            problems.add(new Problem("", 0, "the flow passes $" + String.join(", $", lacking)
                    + ": declare and use them as the built query does (see it with: preview)"));
        }
        Map<String, FragmentDefinition> named = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        Field list = listField(document);
        SelectionTree tree = SelectionTree.of(list.getSelectionSet(), named, true);
        GraphQLOutputType root = schema == null ? null : rootType(list, new ArrayList<>());
        SelectionTree frameTree = SelectionTree.of(listField(frameDocument).getSelectionSet(), Map.of(), true);
        for (List<String> needed : frameTree.leaves()) {
            if (walk(tree, null, needed, 0, new ArrayList<>(), false) != null) {
                problems.add(new Problem("", 0, "does not ask for " + String.join(".", needed)
                        + ", which the flow itself needs"));
            }
        }
        for (Read read : reads) {
            List<GraphQLNamedType> leaves = new ArrayList<>();
            String error = walk(tree, root, read.chain(), 0, leaves, false);
            if (error != null) {
                problems.add(new Problem("", 0, "does not ask for " + String.join(".", read.chain()) + ", which "
                        + read.keyPath() + " reads"));
            } else {
                problems.addAll(readProblems(read, null, leaves));
            }
        }
        return problems;
    }

    private List<Problem> readProblems(Read read, String error, List<GraphQLNamedType> leaves) {
        if (error != null) {
            return List.of(new Problem(read.keyPath(), 0, error));
        }
        if (read.type() != null) {
            for (GraphQLNamedType leaf : leaves) {
                if (!fits(read.type(), leaf)) {
                    return List.of(new Problem(read.keyPath(), 0, "'" + String.join(".", read.chain()) + "' is "
                            + describe(leaf) + " in Centra: it cannot be type: " + read.type().yamlName()
                            + " (use " + suitable(leaf) + ", or a lookup)"));
                }
            }
        }
        return List.of();
    }

    /**
     * Follows {@code chain} from {@code type}: adds what is missing ({@code create}) or only looks ({@code type}
     * null: without schema). Returns why the chain cannot be read, or null, with the leaf types reached.
     */
    private String walk(SelectionTree tree, GraphQLOutputType type, List<String> chain, int i,
                        List<GraphQLNamedType> leaves, boolean create) {
        GraphQLNamedType named = type == null ? null : (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
        if (i == chain.size()) {
            if (named == null || named instanceof GraphQLScalarType || named instanceof GraphQLEnumType) {
                Optional.ofNullable(named).ifPresent(leaves::add);
                return null;
            }
            return "'" + String.join(".", chain) + "' is " + describe(named) + ", not a value: read one of its"
                    + " fields, e.g. " + String.join(".", chain) + "." + firstField(named);
        }
        String name = chain.get(i);
        if (named instanceof GraphQLScalarType || named instanceof GraphQLEnumType) {
            return "'" + String.join(".", chain.subList(0, i)) + "' is " + describe(named) + ": it has no field '"
                    + name + "'";
        }
        if (!create) {
            return look(tree, named, chain, i, leaves);
        }
        if (named instanceof GraphQLFieldsContainer container && container.getFieldDefinition(name) != null) {
            GraphQLFieldDefinition definition = container.getFieldDefinition(name);
            SelectionTree child = tree.addField(name);
            List<String> required = requiredArguments(definition);
            if (!required.isEmpty() && !child.hasArguments()) {
                return container.getName() + "." + name + " needs argument(s) " + String.join(", ", required)
                        + ": write the query by hand in mappings/<customer>/queries/";
            }
            return walk(child, definition.getType(), chain, i + 1, leaves, true);
        }
        List<GraphQLObjectType> having = implementations(named).stream()
                .filter(t -> t.getFieldDefinition(name) != null).toList();
        if (having.isEmpty()) {
            return named.getName() + " has no field '" + name + "'" + suggestion(named, name);
        }
        for (GraphQLObjectType implementation : having) {
            String error = walk(tree.fragment(implementation.getName()), implementation, chain, i, leaves, true);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    /** A hand-written query: is the chain selected (by response key), directly or in a fragment? */
    private String look(SelectionTree tree, GraphQLNamedType named, List<String> chain, int i,
                        List<GraphQLNamedType> leaves) {
        String key = chain.get(i);
        SelectionTree child = tree.field(key);
        if (child != null) {
            GraphQLOutputType childType = null;
            if (named instanceof GraphQLFieldsContainer container && container.getFieldDefinition(child.name()) != null) {
                childType = container.getFieldDefinition(child.name()).getType();
            }
            if (walk(child, childType, chain, i + 1, leaves, false) == null) {
                return null;
            }
        }
        for (Map.Entry<String, SelectionTree> fragment : tree.fragments().entrySet()) {
            GraphQLNamedType fragmentType = schema == null ? null : schema.graphql().getType(fragment.getKey())
                    instanceof GraphQLOutputType t ? (GraphQLNamedType) t : null;
            if (look(fragment.getValue(), fragmentType, chain, i, leaves) == null) {
                return null;
            }
        }
        return "not asked for";
    }

    private List<GraphQLObjectType> implementations(GraphQLNamedType type) {
        if (type instanceof GraphQLInterfaceType i) {
            return schema.graphql().getImplementations(i);
        }
        if (type instanceof GraphQLUnionType u) {
            return u.getTypes().stream().filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast)
                    .toList();
        }
        return List.of();
    }

    private static List<String> requiredArguments(GraphQLFieldDefinition definition) {
        return definition.getArguments().stream()
                .filter(a -> a.getType() instanceof GraphQLNonNull && !a.hasSetDefaultValue())
                .map(GraphQLArgument::getName).toList();
    }

    private String suggestion(GraphQLNamedType type, String name) {
        Set<String> candidates = new LinkedHashSet<>();
        if (type instanceof GraphQLFieldsContainer container) {
            container.getFieldDefinitions().forEach(f -> candidates.add(f.getName()));
        }
        implementations(type).forEach(t -> t.getFieldDefinitions().forEach(f -> candidates.add(f.getName())));
        return candidates.stream()
                .map(c -> Map.entry(c, distance(c.toLowerCase(), name.toLowerCase())))
                .filter(e -> e.getValue() <= Math.max(2, name.length() / 3))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(e -> " (did you mean '" + e.getKey() + "'?)").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String firstField(GraphQLNamedType type) {
        if (type instanceof GraphQLFieldsContainer container) {
            return container.getFieldDefinitions().stream()
                    .filter(f -> GraphQLTypeUtil.unwrapAll(f.getType()) instanceof GraphQLScalarType)
                    .map(GraphQLFieldDefinition::getName).findFirst().orElse("id");
        }
        return "id";
    }

    private static String describe(GraphQLNamedType type) {
        if (type instanceof GraphQLEnumType) {
            return "an enum (" + type.getName() + ")";
        }
        if (type instanceof GraphQLScalarType) {
            return ("AEIOU".indexOf(type.getName().charAt(0)) >= 0 ? "an " : "a ") + type.getName();
        }
        return "an object (" + type.getName() + ")";
    }

    /** Whether a value of this Centra type converts to the mapping's type; custom scalars are text and may. */
    static boolean fits(FieldType wanted, GraphQLNamedType leaf) {
        String name = leaf.getName();
        if (wanted == FieldType.STRING) {
            return true;
        }
        if (leaf instanceof GraphQLEnumType) {
            return false;
        }
        return switch (name) {
            case "Boolean" -> wanted == FieldType.BOOLEAN;
            case "Int" -> wanted == FieldType.INTEGER || wanted == FieldType.DECIMAL;
            case "Float" -> wanted == FieldType.DECIMAL;
            default -> true;
        };
    }

    private static String suitable(GraphQLNamedType leaf) {
        return switch (leaf.getName()) {
            case "Boolean" -> "type: boolean or string";
            case "Int" -> "type: integer, decimal or string";
            case "Float" -> "type: decimal or string";
            default -> "type: string";
        };
    }

    private GraphQLOutputType rootType(Field list, List<Problem> problems) {
        GraphQLSchema graphql = schema.graphql();
        GraphQLFieldDefinition definition = graphql.getQueryType().getFieldDefinition(list.getName());
        if (definition == null) {
            problems.add(new Problem("", 0, "Centra has no query '" + list.getName() + "'"));
            return null;
        }
        return definition.getType();
    }

    static OperationDefinition operation(Document document) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation (query { ... }) in the document"));
    }

    /** The operation's first top-level field: the list the flow reads. */
    static Field listField(Document document) {
        return operation(document).getSelectionSet().getSelections().stream().filter(Field.class::isInstance)
                .map(Field.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the operation selects no field"));
    }

    private static Document replace(Document document, Field old, Field built) {
        OperationDefinition operation = operation(document);
        List<Selection> selections = new ArrayList<>();
        for (Selection<?> s : operation.getSelectionSet().getSelections()) {
            selections.add(s == old ? built : s);
        }
        OperationDefinition changed = operation.transform(b -> b.selectionSet(
                SelectionSet.newSelectionSet(selections).build()));
        List<Definition> definitions = new ArrayList<>();
        for (Definition<?> d : document.getDefinitions()) {
            definitions.add(d == operation ? changed : d);
        }
        return document.transform(b -> b.definitions(definitions));
    }
}
