// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import GuardrailsOps
import Testing

struct PromptTemplateTests {
    @Test func rendersPlaceholdersAndLeavesOtherBracesAlone() throws {
        let template = PromptTemplate(#"Hi {name}, order {order_id}. Reply as {"status": "..."}; literal {{name}}."#)
        #expect(template.placeholders == ["name", "order_id"])
        #expect(try template.render(["name": "Ada", "order_id": "A-17"]) == #"Hi Ada, order A-17. Reply as {"status": "..."}; literal {name}."#)
    }

    @Test func namesEveryMissingVariable() {
        let error = #expect(throws: MissingVariablesError.self) { try PromptTemplate("{a} {b} {a} {c}").render(["b": "x"]) }
        #expect(error?.description == "no value for placeholders {a}, {c}")
    }
}
