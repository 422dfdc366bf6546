// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Finds individual medical advice: dosing instructions, diagnoses, prescriptions, and telling someone
/// to start or stop a medication. General health information passes.
///
/// ```yaml
/// - id: no-dosing
///   check: medical_advice
///   kinds: [dosing, diagnosis, prescription, medication_change]   # default: all
///   action: block
/// ```
///
/// Categories are `medical_advice.<kind>`:
/// - `dosing`: an instruction with an amount and unit ("take 400 mg every 6 hours", "give her 5 ml
///   twice a day"), or a dose with a schedule ("2 tablets three times daily").
/// - `diagnosis`: telling someone what they have ("you have strep throat", "the diagnosis is
///   pneumonia", "it sounds like you have a migraine"), naming a condition from a lexicon of ~150
///   conditions or a medical suffix (-itis, -osis, -emia, …).
/// - `prescription`: recommending a specific drug to someone ("I'd prescribe amoxicillin", "you should
///   take ibuprofen"), from a lexicon of common drugs and drug-name stems (-cillin, -pril, -statin, …).
/// - `medication_change`: telling someone to stop, skip, double or taper a medication.
///
/// "Ibuprofen is an NSAID", "adults need 7–9 hours of sleep" and "see a doctor if the fever lasts" pass:
/// information and referral are not advice. It is a lexicon-and-grammar check: advice phrased without
/// second person or imperative ("patients in this situation usually get 500 mg") can pass.
public struct MedicalAdviceCheck: Check {
    /// Every kind; categories are `medical_advice.<kind>`.
    public static let kinds = ["dosing", "diagnosis", "prescription", "medication_change"]

    public static let description = CheckDescription(
        id: "medical_advice",
        summary: "Finds dosing instructions, diagnoses, prescriptions and medication changes",
        options: [OptionDescription("kinds", .stringList, summary: "kinds to find (default: all)")],
        passingExamples: [
            CheckExample("Ibuprofen is a nonsteroidal anti-inflammatory drug."),
            CheckExample("You have a great idea; see a doctor if the fever lasts more than three days."),
            CheckExample("The recommended daily intake of vitamin C for adults is 90 mg."),
        ],
        failingExamples: [
            CheckExample("⟦Take 400 mg of ibuprofen every 6 hours⟧."),
            CheckExample("Based on your symptoms, ⟦you have strep throat⟧."),
            CheckExample("⟦Stop taking your blood pressure medication⟧ for a week."),
            CheckExample("⟦I would prescribe amoxicillin⟧ for this."),
        ]
    )

    private struct Signal: Sendable {
        let kind: String
        let pattern: Pattern
    }

    /// The kinds this rule finds.
    public let enabledKinds: [String]
    private let signals: [Signal]

    public init(options: CheckOptions) throws(CheckOptionsError) {
        let kinds = try options.choices("kinds", among: Self.kinds) ?? Self.kinds
        enabledKinds = kinds
        signals = Self.allSignals(options.replica).filter { kinds.contains($0.kind) }
    }

    /// Every pattern the check runs, for the policy's prefilter.
    public var patterns: [Pattern] { signals.map(\.pattern) }

    public func evaluate(_ subject: Subject, into findings: inout [Finding]) throws {
        var found: [Finding] = []
        for signal in signals {
            try signal.pattern.forEachMatch(in: subject) { span in
                guard !found.contains(where: { $0.span.overlaps(span) }) else { return }
                found.append(Finding(category: "medical_advice.\(signal.kind)", span: span, message: Self.messages[signal.kind]))
            }
        }
        findings.append(contentsOf: found.sorted { $0.span < $1.span })
    }

    static let messages = [
        "dosing": "dosing instruction", "diagnosis": "diagnosis", "prescription": "prescription",
        "medication_change": "instruction to change medication",
    ]

    // MARK: - Lexicons

    static let units = #"(?:mg|milligrams?|mcg|µg|micrograms?|g|grams?|ml|mls|milliliters?|millilitres?|cc|units?|iu|tablets?|tabs?|pills?|capsules?|caps?|drops?|puffs?|sprays?|teaspoons?|tsp|tablespoons?|tbsp|doses?|patch(?:es)?|injections?|shots?)"#
    /// Units that only medicine comes in (no grams or spoons, which recipes use too).
    static let medicineUnits = #"(?:mg|milligrams?|mcg|µg|micrograms?|ml|mls|units?|iu|tablets?|tabs?|pills?|capsules?|caps?|drops?|puffs?|sprays?|doses?|patch(?:es)?|injections?)"#
    static let schedule = #"(?:every\s+(?:\d+(?:\s*(?:-|to)\s*\d+)?\s+)?(?:hours?|hrs?|days?|mornings?|nights?|evenings?|other\s+day|week)|(?:once|twice|thrice|one\s+time|two\s+times|three\s+times|four\s+times|\d+\s*(?:x|times))\s+(?:a|per|each|every)\s+(?:day|daily|week|night)|(?:once|twice|three\s+times|four\s+times)\s+daily|daily|nightly|at\s+bedtime|before\s+(?:bed|meals)|after\s+meals|with\s+(?:food|meals)|on\s+an\s+empty\s+stomach|per\s+day|a\s+day|(?:q\d+h|bid|tid|qid|qd|prn)\b|as\s+needed|for\s+\d+\s+(?:days|weeks))"#
    static let drugs = #"(?:(?:an?\s+|some\s+)?(?:statins?|antibiotics?|antidepressants?|ssris?|snris?|beta[\s-]blockers?|ace\s+inhibitors?|blood\s+thinners?|steroids?|antihistamines?|benzodiazepines?|benzos|opioids?|painkillers?|antivirals?|antifungals?|diuretics?|stimulants?)\b|ibuprofen|advil|motrin|acetaminophen|paracetamol|tylenol|aspirin|naproxen|aleve|diclofenac|amoxicillin|augmentin|penicillin|azithromycin|z-?pak|doxycycline|ciprofloxacin|cephalexin|clindamycin|metronidazole|nitrofurantoin|metformin|insulin|glipizide|lisinopril|losartan|amlodipine|metoprolol|atenolol|hydrochlorothiazide|furosemide|atorvastatin|simvastatin|rosuvastatin|warfarin|apixaban|eliquis|clopidogrel|levothyroxine|synthroid|prednisone|prednisolone|dexamethasone|hydrocortisone|sertraline|zoloft|fluoxetine|prozac|escitalopram|lexapro|citalopram|paroxetine|bupropion|wellbutrin|venlafaxine|duloxetine|trazodone|mirtazapine|alprazolam|xanax|lorazepam|ativan|diazepam|valium|clonazepam|klonopin|zolpidem|ambien|gabapentin|pregabalin|lyrica|tramadol|oxycodone|hydrocodone|codeine|morphine|fentanyl|methadone|buprenorphine|naloxone|adderall|ritalin|methylphenidate|amphetamine|lithium|quetiapine|seroquel|olanzapine|risperidone|aripiprazole|omeprazole|prilosec|pantoprazole|esomeprazole|nexium|ranitidine|famotidine|loratadine|claritin|cetirizine|zyrtec|diphenhydramine|benadryl|fexofenadine|montelukast|albuterol|salbutamol|fluticasone|sumatriptan|ondansetron|zofran|loperamide|imodium|melatonin|sildenafil|viagra|tadalafil|cialis|semaglutide|ozempic|wegovy|tirzepatide|mounjaro|isotretinoin|accutane|valacyclovir|acyclovir|oseltamivir|tamiflu|\w{3,}(?:cillin|mycin|cycline|floxacin|pril|sartan|olol|statin|prazole|azepam|oxetine|triptan|dipine|tidine|profen|vir|mab))"#
    static let conditions = #"(?:(?:an?|the)\s+)?(?:diabetes|type\s+[12]\s+diabetes|prediabetes|hypertension|high\s+blood\s+pressure|hypotension|cancer|leukemia|lymphoma|melanoma|carcinoma|tumou?r|a\s+tumou?r|covid(?:-19)?|the\s+flu|influenza|a\s+cold|the\s+common\s+cold|strep(?:\s+throat)?|pneumonia|bronchitis|asthma|copd|emphysema|tuberculosis|a\s+uti|uti|urinary\s+tract\s+infection|(?:an?\s+)?(?:\w+\s+){0,2}infection|sepsis|mono(?:nucleosis)?|lyme\s+disease|shingles|chickenpox|measles|herpes|hiv|aids|hepatitis\s*[a-e]?|cirrhosis|gerd|acid\s+reflux|an?\s+ulcer|ulcers?|ibs|irritable\s+bowel\s+syndrome|crohn'?s(?:\s+disease)?|celiac(?:\s+disease)?|gout|lupus|(?:rheumatoid\s+)?arthritis|osteoporosis|fibromyalgia|a\s+migraine|migraines?|epilepsy|a\s+seizure\s+disorder|multiple\s+sclerosis|ms|parkinson'?s(?:\s+disease)?|alzheimer'?s(?:\s+disease)?|dementia|a\s+stroke|a\s+heart\s+attack|heart\s+disease|heart\s+failure|atrial\s+fibrillation|afib|an?\s+arrhythmia|anemia|an?\s+anemia|hypothyroidism|hyperthyroidism|(?:clinical\s+|major\s+)?depression|an?\s+anxiety\s+disorder|anxiety|bipolar(?:\s+disorder)?|schizophrenia|adhd|add|autism|ptsd|ocd|an?\s+eating\s+disorder|anorexia|bulimia|insomnia|sleep\s+apnea|appendicitis|kidney\s+stones?|a\s+kidney\s+stone|gallstones|a\s+concussion|a\s+fracture|a\s+broken\s+\w+|a\s+sprain(?:ed\s+\w+)?|a\s+torn\s+\w+|tendonitis|sciatica|a\s+herniated\s+disc|psoriasis|eczema|dermatitis|rosacea|acne|cellulitis|scabies|ringworm|a\s+yeast\s+infection|endometriosis|pcos|polycystic\s+ovary\s+syndrome|an?\s+std|an?\s+sti|chlamydia|gonorrhea|syphilis|glaucoma|cataracts?|conjunctivitis|pink\s+eye|an?\s+ear\s+infection|sinusitis|a\s+sinus\s+infection|tonsillitis|allergies|an?\s+allergy|impetigo|scarlet\s+fever|whooping\s+cough|croup|rsv|mumps|rubella|hand,?\s+foot,?\s+and\s+mouth(?:\s+disease)?|norovirus|rotavirus|hemorrhoids|haemorrhoids|vertigo|tinnitus|carpal\s+tunnel(?:\s+syndrome)?|frozen\s+shoulder|an?\s+hernia|hernia|a\s+blood\s+clot|dvt|deep\s+vein\s+thrombosis|a\s+pulmonary\s+embolism|anaphylaxis|a\s+panic\s+disorder|panic\s+disorder|heatstroke|heat\s+exhaustion|hypoglycemia|hyperglycemia|a\s+stomach\s+bug|food\s+poisoning|pinworms|lice|head\s+lice|thrush|a\s+cyst|cysts|polyps|gallbladder\s+disease|kidney\s+disease|liver\s+disease|pcos|(?:an?\s+)?\w+(?:itis|osis|emia|aemia|oma|pathy|algia|plegia|penia|megaly|iasis))"#

    private static let allSignals = PerReplica { () -> [Signal] in
        let you = #"(?:you|u|your\s+(?:child|son|daughter|baby|kid|husband|wife|partner|mother|father|mom|dad))"#
        let table: [(String, String)] = [
            // Dosing: an imperative or second-person instruction with an amount.
            ("dosing", #"(?i)\b(?:take|taking|give|giving|administer|use|swallow|inject|chew|apply|inhale|start\s+(?:with|on)|try|increase\s+(?:it\s+)?to|go\s+up\s+to|(?:you|he|she|they|your\s+\w+)\s+(?:should|can|could|must|need\s+to|may)\s+(?:take|have|use|get))\b[^.\n;]{0,40}?\b\d+(?:[.,]\d+)?(?:\s*(?:-|to)\s*\d+(?:[.,]\d+)?)?\s*\#(units)\b(?:[^.\n;]{0,40}?\b\#(schedule))?"#),
            ("dosing", #"(?i)\b(?:\d+(?:[.,]\d+)?|one|two|three|four|half\s+a|a\s+half)\s*\#(medicineUnits)\b(?!\s+of\s+(?:sodium|sugar|protein|fat|fiber|fibre|caffeine|calcium|potassium|iron|vitamin|salt|carbs|carbohydrates|cholesterol|omega|zinc|magnesium|water|alcohol))[^.\n;]{0,30}?\b\#(schedule)"#),
            ("dosing", #"(?i)\b(?:the\s+)?(?:right|correct|usual|typical|recommended|safe|max(?:imum)?)\s+dose\s+(?:for\s+(?:you|your\s+\w+|him|her|a\s+child\s+(?:of|weighing)\s+[^.\n]{0,20})\s+)?(?:is|would\s+be)\s+\d+(?:[.,]\d+)?\s*\#(units)\b"#),
            // Diagnosis: telling someone what they have.
            ("diagnosis", #"(?i)\b(?:\#(you)\s+(?:(?:most\s+|very\s+)?(?:likely|probably|definitely|clearly|certainly|almost\s+certainly)\s+)?(?:have|has|have\s+got|has\s+got|are\s+suffering\s+from|is\s+suffering\s+from|suffer\s+from|are\s+showing\s+signs\s+of|have\s+developed|might\s+have|may\s+have|could\s+have|are\s+having)|(?:you|he|she|they)(?:'ve|'s)\s+(?:(?:definitely|probably|likely|clearly)\s+)?(?:got|developed|contracted|caught))\s+\#(conditions)\b"#),
            ("diagnosis", #"(?i)\b(?:this|it|that)(?:\s+is|'s)\s+(?:classic|definitely|clearly|probably|likely|almost\s+certainly|most\s+likely|textbook|obviously)\s+(?:a\s+case\s+of\s+)?\#(conditions)\b|\bwhat\s+you(?:'re|\s+are)\s+describing\s+is\s+(?:\w+\s+){0,2}?\#(conditions)\b"#),
            ("diagnosis", #"(?i)\b(?:the|my|your)\s+diagnosis\s+(?:is|would\s+be|:)\s*[^.\n]{2,60}|\byou(?:'ve|\s+have)\s+been\s+diagnosed\s+with\b|\b(?:it|this)\s+(?:sounds|looks|seems)\s+(?:a\s+lot\s+)?like\s+(?:you\s+have\s+)?\#(conditions)\b|\b(?:i\s+(?:think|believe|suspect)|i'm\s+(?:fairly\s+)?(?:sure|confident))\s+(?:that\s+)?(?:you|this\s+is|it's|it\s+is)\s+(?:have\s+|has\s+)?\#(conditions)\b|\bthese\s+symptoms\s+(?:indicate|mean|suggest|point\s+to)\s+(?:that\s+you\s+have\s+)?\#(conditions)\b"#),
            // Prescription: a specific drug recommended to someone.
            ("prescription", #"(?i)(?:\bi\s+(?:would|'d|will|'ll)?\s*(?:prescribe|recommend|suggest|advise)|\bi\s+am\s+prescribing|\bi'm\s+prescribing|\bi\s+prescribe|\byou\s+(?:should|need\s+to|must|ought\s+to|can|could)\s+(?:take|start|try|get|use|be\s+on)|(?:^|(?<=[.!?;:])\s+|\n)(?:please\s+|just\s+)?(?:take|start\s+taking|try\s+taking|start|try|get\s+(?:some|a\s+prescription\s+for))|\byou\s+need)\s+(?:taking\s+|some\s+|a\s+course\s+of\s+|on\s+)?\#(drugs)\b"#),
            // Medication changes.
            ("medication_change", #"(?i)\b(?:stop|quit|discontinue|cease|halt|skip|double|triple|halve|increase|decrease|reduce|lower|raise|cut\s+back\s+on|taper\s+off|come\s+off|go\s+off|wean\s+(?:yourself\s+)?off|get\s+off)\s+(?:taking\s+|using\s+)?(?:all\s+)?(?:of\s+)?(?:your|the|those|these|this)\s+(?:\w+\s+){0,3}?(?:medications?|meds|medicines?|pills|prescriptions?|dose|dosage|drugs?|antidepressants?|antibiotics?|insulin|inhaler|steroids?|\#(drugs))\b"#),
            ("medication_change", #"(?i)\b(?:stop|quit|discontinue|skip)\s+(?:taking\s+)?\#(drugs)\b|\byou\s+(?:don't|do\s+not|no\s+longer)\s+need\s+(?:to\s+take\s+)?(?:your\s+|the\s+)?(?:\w+\s+){0,2}?(?:medications?|meds|medicines?|pills|prescriptions?|antidepressants?|antibiotics?|insulin|inhaler|steroids?|\#(drugs))\b"#),
        ]
        let patterns = BuiltInPatterns.compile(table.map(\.1), options: [.ucp])
        return zip(table, patterns).map { Signal(kind: $0.0, pattern: $1) }
    }
}
