import AtelierCore

/// One page of any list, and the cursor of the next page (null on the last).
struct PageRepresentation<Item: Encodable>: Encodable {
    let items: [Item]
    @NullEncoded var nextCursor: String?

    init<Source>(_ page: Page<Source>, _ represent: (Source) -> Item) {
        items = page.items.map(represent)
        nextCursor = page.nextCursor
    }
}
