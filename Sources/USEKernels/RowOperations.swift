// The elementwise work of the encoder on rows of floats, 16 lanes at a time (every width is a
// multiple of 16). Reductions run over the 16 lanes, then across them: a fixed order, so a
// fixed result.

private typealias Vector = SIMD16<Float>

@inline(__always)
private func vector(_ p: UnsafePointer<Float>, _ j: Int) -> Vector {
    UnsafeRawPointer(p + j).loadUnaligned(as: Vector.self)
}

@inline(__always)
private func put(_ v: Vector, _ p: UnsafeMutablePointer<Float>, _ j: Int) {
    UnsafeMutableRawPointer(p + j).storeBytes(of: v, as: Vector.self)
}

/// `target[j] += source[j]` for `j < count`.
public func add(_ source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int) {
    var j = 0
    while j < count {
        put(vector(target, j) + vector(source, j), target, j)
        j += Vector.scalarCount
    }
}

/// `x[j] = max(x[j] + bias[j], 0) + residual[j]` for `j < count`: a residual layer's ending.
public func reluAdd(_ x: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, residual: UnsafePointer<Float>, count: Int) {
    var j = 0
    while j < count {
        put(pointwiseMax(vector(x, j) + vector(bias, j), Vector()) + vector(residual, j), x, j)
        j += Vector.scalarCount
    }
}

/// `target = max(Σ sources + bias, 0) + residual` over `count` floats, the `sourceCount` rows
/// added in order to zero.
public func sumReluAdd(
    _ sources: UnsafePointer<UnsafePointer<Float>>, sourceCount: Int, bias: UnsafePointer<Float>, residual: UnsafePointer<Float>,
    into target: UnsafeMutablePointer<Float>, count: Int
) {
    var j = 0
    while j < count {
        var sum = Vector()
        var s = 0
        while s < sourceCount {
            sum += vector(sources[s], j)
            s += 1
        }
        put(pointwiseMax(sum + vector(bias, j), Vector()) + vector(residual, j), target, j)
        j += Vector.scalarCount
    }
}

/// Layernorm of one row in place, with the variance of the centred row as the reference computes it.
public func layerNorm(_ row: UnsafeMutablePointer<Float>, width: Int, gain: UnsafePointer<Float>, bias: UnsafePointer<Float>, epsilon: Float) {
    var sum = Vector()
    var j = 0
    while j < width {
        sum += vector(row, j)
        j += Vector.scalarCount
    }
    let mean = Vector(repeating: sum.sum() / Float(width))
    var squares = Vector()
    j = 0
    while j < width {
        let centred = vector(row, j) - mean
        put(centred, row, j)
        squares += centred * centred
        j += Vector.scalarCount
    }
    let inverse = Vector(repeating: 1 / (squares.sum() / Float(width) + epsilon).squareRoot())
    j = 0
    while j < width {
        put(vector(row, j) * inverse * vector(gain, j) + vector(bias, j), row, j)
        j += Vector.scalarCount
    }
}

/// `target[j] = Float(source[j]) * scale + lo` for `j < count`: a row of the quantised table,
/// rounded as the reference rounds it (a product, then a sum).
public func dequantize(_ source: UnsafePointer<UInt8>, scale: Float, lo: Float, into target: UnsafeMutablePointer<Float>, count: Int) {
    let scale = Vector(repeating: scale)
    let lo = Vector(repeating: lo)
    var j = 0
    while j < count {
        // Lane by lane: the generic SIMD conversion would be a shared specialisation (see Product.swift).
        var q = Vector()
        var lane = 0
        while lane < Vector.scalarCount {
            q[lane] = Float(source[j + lane])
            lane += 1
        }
        put(q * scale + lo, target, j)
        j += Vector.scalarCount
    }
}
