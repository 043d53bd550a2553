import Testing
@testable import TenderEngine

@Suite("progress")
struct ProgressTests {
    @Test func theLineSaysWhatIsDoneHowFastAndHowLongIsLeft() {
        let snapshot = Progress.Snapshot(phase: .reading, done: 12_345, total: 40_000, notices: 12_300,
                                         elapsed: .seconds(3), phaseElapsed: .seconds(2))
        #expect(snapshot.line == "reading 12,345/40,000 files (30%) · 12,300 notices · 6,172/s · 0:03 elapsed · 0:04 left")
    }

    @Test func aPhaseWithoutATotalShowsOnlyItsNameAndTheTime() {
        let snapshot = Progress.Snapshot(phase: .assembling, done: 0, total: 0, notices: 9_600,
                                         elapsed: .milliseconds(2_400), phaseElapsed: .zero)
        #expect(snapshot.line == "assembling · 9,600 notices · 0:02 elapsed")
    }

    @Test(arguments: [(0.4, "0:00"), (59.6, "1:00"), (61, "1:01"), (3_600, "1:00:00"), (3_725, "1:02:05"),
                      (36_000, "10:00:00")])
    func clockReadsLikeAStopwatch(seconds: Double, text: String) {
        #expect(Progress.Snapshot.clock(seconds) == text)
    }

    @Test func countersAddUpFromManyThreadsAndPhasesRestartThem() async {
        let progress = Progress()
        progress.begin(.reading, total: 1_000)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { for _ in 0..<250 { progress.advance(); progress.countNotice() } }
            }
        }
        #expect(progress.snapshot.done == 1_000)
        #expect(progress.snapshot.notices == 1_000)
        progress.begin(.screening, total: 10)
        #expect(progress.snapshot.done == 0)
        #expect(progress.snapshot.phase == .screening)
        #expect(progress.snapshot.notices == 1_000)
    }
}
