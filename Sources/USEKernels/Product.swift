// The matrix product under the encoder, on raw pointers only. This module is compiled twice,
// for x86-64-v3 and for AVX-512 (see Package.swift), and holds nothing but these functions: no
// generic code of the standard library is specialised here, so no copy compiled for AVX can be
// picked by the linker for code that runs before the CPU is checked.
//
// B comes packed in panels of `panelWidth` columns whose rows follow each other, so a register
// tile reads it as one contiguous stream; it goes by blocks of rows (one panel block fits the
// L1 cache). Rows of A and C are given as pointers, so a convolution window or a column slice
// is read or written in place. Every element is one chain of fused multiply-adds in k order,
// whatever the tile, the block or the other rows: a row's result never depends on which rows it
// was computed with, nor on the register width, so both variants give the same bits.

#if AVX512
/// Columns per panel: two 16-float vectors, one zmm register each.
public let panelWidth = 32
/// Rows of the result tile: six rows share each load of B.
private let tileRows = 6
#else
/// Columns per panel: one 16-float vector, two ymm registers.
public let panelWidth = 16
/// Rows of the result tile: six rows share each load of B.
private let tileRows = 6
#endif

/// `c[r][j] = Σ_k a[r][k] · b[k][j]` for `r < rows`, `j < columns`, `k < depth`.
///
/// - `a[r * blocks + block]` points at the elements `block * blockDepth ..< min(depth, (block + 1) * blockDepth)` of row r of A.
/// - B is `depth × columns` in panels: panel p, row k, lane j at `b[(p * depth + k) * panelWidth + j]`, zero past `columns`.
/// - Row r of C starts at `c[r]`; it is overwritten.
public func product(
    _ a: UnsafePointer<UnsafePointer<Float>>, rows: Int, blocks: Int, blockDepth: Int,
    _ b: UnsafePointer<Float>, depth: Int, columns: Int,
    into c: UnsafePointer<UnsafeMutablePointer<Float>>
) {
    guard rows > 0, columns > 0 else { return }
    let width = panelWidth
    let panelCount = (columns + width - 1) / width
    let paddedColumns = panelCount * width
    // Rows past the last real one compute on copies of its pointers and land in scratch rows,
    // so every tile has the same shape and every row the same arithmetic.
    let extra = (tileRows - rows % tileRows) % tileRows
    let scratch = UnsafeMutablePointer<Float>.allocate(capacity: max(extra * paddedColumns, 1))
    defer { scratch.deallocate() }
    scratch.initialize(repeating: 0, count: max(extra * paddedColumns, 1))
    @inline(__always) func aRow(_ r: Int, _ block: Int) -> UnsafePointer<Float> {
        a[min(r, rows - 1) * blocks + block]
    }
    @inline(__always) func cRow(_ r: Int, _ column: Int) -> UnsafeMutablePointer<Float> {
        (r < rows ? c[r] : scratch + (r - rows) * paddedColumns) + column
    }
    for block in 0..<blocks {
        let k0 = block * blockDepth
        let blockRows = min(blockDepth, depth - k0)
        for panel in 0..<panelCount {
            let bPanel = b + (panel * depth + k0) * width
            let column = panel * width
            let valid = min(width, columns - column)
            var r = 0
            while r < rows {
                tile(
                    (aRow(r, block), aRow(r + 1, block), aRow(r + 2, block), aRow(r + 3, block), aRow(r + 4, block), aRow(r + 5, block)),
                    bPanel, depth: blockRows,
                    (cRow(r, column), cRow(r + 1, column), cRow(r + 2, column), cRow(r + 3, column), cRow(r + 4, column), cRow(r + 5, column)),
                    valid: valid, accumulate: block > 0)
                r += tileRows
            }
        }
    }
}

private typealias Vector = SIMD16<Float>
private typealias Rows<T> = (T, T, T, T, T, T)

@inline(__always)
private func load(_ p: UnsafePointer<Float>, valid: Int) -> Vector {
    if valid >= Vector.scalarCount { return UnsafeRawPointer(p).loadUnaligned(as: Vector.self) }
    var v = Vector()
    var j = 0
    while j < valid {
        v[j] = p[j]
        j += 1
    }
    return v
}

@inline(__always)
private func store(_ v: Vector, _ p: UnsafeMutablePointer<Float>, valid: Int) {
    if valid >= Vector.scalarCount {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vector.self)
        return
    }
    var j = 0
    while j < valid {
        p[j] = v[j]
        j += 1
    }
}

#if AVX512
/// A 6 × 32 tile: twelve accumulators, two loads of B per six broadcasts.
@inline(__always)
private func tile(
    _ a: Rows<UnsafePointer<Float>>, _ b: UnsafePointer<Float>, depth: Int, _ c: Rows<UnsafeMutablePointer<Float>>, valid: Int,
    accumulate: Bool
) {
    let high = valid - Vector.scalarCount
    var c0 = Vector(), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0
    var d0 = c0, d1 = c0, d2 = c0, d3 = c0, d4 = c0, d5 = c0
    if accumulate {
        c0 = load(c.0, valid: valid); d0 = load(c.0 + 16, valid: high)
        c1 = load(c.1, valid: valid); d1 = load(c.1 + 16, valid: high)
        c2 = load(c.2, valid: valid); d2 = load(c.2 + 16, valid: high)
        c3 = load(c.3, valid: valid); d3 = load(c.3 + 16, valid: high)
        c4 = load(c.4, valid: valid); d4 = load(c.4 + 16, valid: high)
        c5 = load(c.5, valid: valid); d5 = load(c.5 + 16, valid: high)
    }
    var row = b
    var k = 0
    while k < depth {
        let low = UnsafeRawPointer(row).loadUnaligned(as: Vector.self)
        let upper = UnsafeRawPointer(row + 16).loadUnaligned(as: Vector.self)
        var s = Vector(repeating: a.0[k])
        c0 = c0.addingProduct(s, low); d0 = d0.addingProduct(s, upper)
        s = Vector(repeating: a.1[k])
        c1 = c1.addingProduct(s, low); d1 = d1.addingProduct(s, upper)
        s = Vector(repeating: a.2[k])
        c2 = c2.addingProduct(s, low); d2 = d2.addingProduct(s, upper)
        s = Vector(repeating: a.3[k])
        c3 = c3.addingProduct(s, low); d3 = d3.addingProduct(s, upper)
        s = Vector(repeating: a.4[k])
        c4 = c4.addingProduct(s, low); d4 = d4.addingProduct(s, upper)
        s = Vector(repeating: a.5[k])
        c5 = c5.addingProduct(s, low); d5 = d5.addingProduct(s, upper)
        row += 32
        k += 1
    }
    store(c0, c.0, valid: valid); store(d0, c.0 + 16, valid: high)
    store(c1, c.1, valid: valid); store(d1, c.1 + 16, valid: high)
    store(c2, c.2, valid: valid); store(d2, c.2 + 16, valid: high)
    store(c3, c.3, valid: valid); store(d3, c.3 + 16, valid: high)
    store(c4, c.4, valid: valid); store(d4, c.4 + 16, valid: high)
    store(c5, c.5, valid: valid); store(d5, c.5 + 16, valid: high)
}
#else
/// A 6 × 16 tile: twelve ymm accumulators, two loads of B per six broadcasts.
@inline(__always)
private func tile(
    _ a: Rows<UnsafePointer<Float>>, _ b: UnsafePointer<Float>, depth: Int, _ c: Rows<UnsafeMutablePointer<Float>>, valid: Int,
    accumulate: Bool
) {
    var c0 = Vector(), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0
    if accumulate {
        c0 = load(c.0, valid: valid)
        c1 = load(c.1, valid: valid)
        c2 = load(c.2, valid: valid)
        c3 = load(c.3, valid: valid)
        c4 = load(c.4, valid: valid)
        c5 = load(c.5, valid: valid)
    }
    var row = b
    var k = 0
    while k < depth {
        let v = UnsafeRawPointer(row).loadUnaligned(as: Vector.self)
        c0 = c0.addingProduct(a.0[k], v)
        c1 = c1.addingProduct(a.1[k], v)
        c2 = c2.addingProduct(a.2[k], v)
        c3 = c3.addingProduct(a.3[k], v)
        c4 = c4.addingProduct(a.4[k], v)
        c5 = c5.addingProduct(a.5[k], v)
        row += 16
        k += 1
    }
    store(c0, c.0, valid: valid)
    store(c1, c.1, valid: valid)
    store(c2, c.2, valid: valid)
    store(c3, c.3, valid: valid)
    store(c4, c.4, valid: valid)
    store(c5, c.5, valid: valid)
}
#endif
