package com.boxoffice.deploy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads CloudFormation values of a synthesised template in tests. */
final class Cfn {

    private Cfn() {
    }

    /**
     * A value as text: {@code Fn::Join} joined, the pseudo parameters as {@code aws}, {@code REGION} and
     * {@code ACCOUNT}, other references as {@code {Ref:Id}} and {@code {GetAtt:Id.Attribute}}.
     */
    static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> intrinsic = map.entrySet().iterator().next();
            switch (intrinsic.getKey().toString()) {
                case "Fn::Join" -> {
                    List<?> join = (List<?>) intrinsic.getValue();
                    return ((List<?>) join.get(1)).stream().map(Cfn::text)
                            .collect(Collectors.joining(join.get(0).toString()));
                }
                case "Ref" -> {
                    return switch (intrinsic.getValue().toString()) {
                        case "AWS::Partition" -> "aws";
                        case "AWS::Region" -> "REGION";
                        case "AWS::AccountId" -> "ACCOUNT";
                        case "AWS::URLSuffix" -> "amazonaws.com";
                        default -> "{Ref:" + intrinsic.getValue() + "}";
                    };
                }
                case "Fn::GetAtt" -> {
                    List<?> attribute = (List<?>) intrinsic.getValue();
                    return "{GetAtt:" + attribute.get(0) + "." + attribute.get(1) + "}";
                }
                default -> {
                }
            }
        }
        throw new IllegalArgumentException("Not a value this test reads: " + value);
    }

    /** A single value or a list of them, as text. */
    static List<String> texts(Object valueOrList) {
        if (valueOrList instanceof List<?> list) {
            return list.stream().map(Cfn::text).toList();
        }
        return List.of(text(valueOrList));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }
}
