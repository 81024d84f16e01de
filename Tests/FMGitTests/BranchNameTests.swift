import Testing

@testable import FMGit

@Suite struct BranchNameTests {
    @Test(arguments: [
        ("Towards a General-Purpose Foundation Model for Computational Pathology",
         "add/towards-a-general-purpose-foundation-model-for"),
        ("HuaTuo (华驼): Tuning LLaMA Model with Chinese Medical Knowledge", "add/huatuo-hua-tuo-tuning-llama-model-with-chinese"),
        ("Ärztliche Über-Sicht: ça marche", "add/arztliche-uber-sicht-ca-marche"),
        ("🩺 + 🧬", "add/entry"),
        ("", "add/entry"),
        ("Med-PaLM 2", "add/med-palm-2"),
        ("A" + String(repeating: "b", count: 80), "add/a" + String(repeating: "b", count: 49)),
    ])
    func makesABranchNameFromATitle(title: String, expected: String) {
        #expect(Repository.branchName(forTitle: title) == expected)
    }

    @Test func namesAreValidBranchNamesOfAtMostFiftyCharactersAfterThePrefix() throws {
        let fixture = try TestRepository()
        for title in ["x..y", "a.lock", "ends with dot.", "-leading dash", "@{u}", "tab\there", "Ω≈ç√∫"] {
            let name = Repository.branchName(forTitle: title)
            #expect(name.dropFirst(4).count <= 50)
            #expect(name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "/") })
            #expect(try fixture.gitStatus("check-ref-format", "--branch", name).status == 0, "\(name)")
        }
    }
}
