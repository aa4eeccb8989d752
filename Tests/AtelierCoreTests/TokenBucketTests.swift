import AtelierCore
import Testing

@Suite struct TokenBucketTests {
    @Test func aBurstThenTheRate() {
        let size = TokenBucket.Size(burst: 3, perSecond: 0.5)
        var bucket = TokenBucket(size: size, now: 100)
        for _ in 0..<3 {
            #expect(bucket.wait(now: 100) == 0)
            bucket.take(now: 100)
        }
        #expect(bucket.wait(now: 100) == 2)
        #expect(bucket.wait(now: 101) == 1)
        #expect(bucket.wait(now: 102) == 0)
        bucket.take(now: 102)
        #expect(!bucket.isFull(now: 105))
        #expect(bucket.isFull(now: 108))
        // Refilling stops at the burst: a long silence buys no more than one burst.
        #expect(bucket.wait(now: 10_000) == 0)
        for _ in 0..<3 { bucket.take(now: 10_000) }
        #expect(bucket.wait(now: 10_000) == 2)
    }
}
