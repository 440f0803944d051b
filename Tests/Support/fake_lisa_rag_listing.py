"""`GET /repository/collections`: every collection the caller may see across repositories, as LISA v6.6.0 pages it
(docs/lisa/rag-api.md#all-collections). The cursor is JSON text; up to 1,000 stored collections it is an offset
into one sorted list built from each repository's first 100 ("v1"), above that per-repository cursors merged page
by page ("v2"), which hands out only one page of each merged batch, as LISA does.
"""

import heapq
import json
from datetime import datetime

from fake_lisa_http import ApiError

SORT_FIELDS = ("name", "createdAt", "updatedAt")


def collection_visible(collection, who):
    if who["admin"] or collection.get("createdBy") == who["username"]:
        return True
    groups = collection.get("allowedGroups") or []
    return not groups or bool(set(groups) & set(who["groups"]))


def parse_query(query):
    size = max(1, min(int(query.get("pageSize", "20")), 100))  # not a number: LISA's ValueError, a 500
    token = None
    if "lastEvaluatedKey" in query:
        try:
            token = json.loads(query["lastEvaluatedKey"])
        except (json.JSONDecodeError, TypeError):
            token = None  # LISA logs it and starts from the beginning
    sort_by = query.get("sortBy", "createdAt")
    if sort_by not in SORT_FIELDS:
        raise ApiError(400, f"Invalid sortBy value: {sort_by}")
    order = query.get("sortOrder", "desc")
    if order not in ("asc", "desc"):
        raise ApiError(400, f"Invalid sortOrder value: {order}")
    return size, token, {"filter": query.get("filter"), "sortBy": sort_by,
                                                               "sortOrder": order}


def matches(collection, text):
    text = text.lower()
    return any(text in (collection.get(field) or "").lower() for field in ("name", "description"))


def with_default(store, repo_id, collections):
    default = store.virtual_default(repo_id)
    if default and not any(c["default"] for c in collections):
        collections.append(default)
    return collections


def sort_key(collection, field):
    if field == "name":
        return collection.get("name") or ""
    return datetime.fromisoformat(collection[field]).timestamp()


def offset_page(store, repos, who, size, token, filters):
    offset = token.get("offset", 0) if token and token.get("version") == "v1" else 0
    if token and token.get("filters", {}) != filters:
        offset = 0
    everything = []
    for repo_id in repos:
        first, _ = store.collection_page(repo_id, None, 100)  # LISA reads one page of 100, never the next
        everything += with_default(store, repo_id, [c for c in first if collection_visible(c, who)])
    if filters["filter"]:
        everything = [c for c in everything if matches(c, filters["filter"])]
    field = filters["sortBy"]
    everything.sort(key=lambda c: sort_key(c, field), reverse=filters["sortOrder"] == "desc")
    page = everything[offset:offset + size]
    more = offset + size < len(everything)
    return page, {"version": "v1", "offset": offset + size, "filters": filters} if more else None


def merge(batches, field, descending):
    """LISA's heap merge: each batch's head in a heap, the next of a batch pushed when its head is taken."""
    def key(collection):
        value = sort_key(collection, field)
        return -value if descending and field != "name" else value

    heap = [(key(batch[0]), repo_id, 0) for repo_id, batch in batches if batch]
    by_repo = dict(batches)
    heapq.heapify(heap)
    merged = []
    while heap:
        _, repo_id, index = heapq.heappop(heap)
        merged.append(by_repo[repo_id][index])
        if index + 1 < len(by_repo[repo_id]):
            heapq.heappush(heap, (key(by_repo[repo_id][index + 1]), repo_id, index + 1))
    if descending and field == "name":
        merged.reverse()
    return merged


def merged_page(store, repos, who, size, token, filters):
    cursors, offset, seen = {}, 0, {}
    if token and token.get("version") == "v2" and token.get("filters", {}) == filters:
        cursors, offset = token.get("repositoryCursors", {}), token.get("globalOffset", 0)
        seen = {repo_id: set(ids) for repo_id, ids in token.get("seenCollectionIds", {}).items()}
    batches = []
    for repo_id in repos:
        cursor = cursors.setdefault(repo_id, {"lastEvaluatedKey": None, "exhausted": False})
        seen.setdefault(repo_id, set())
        if cursor["exhausted"]:
            continue
        after = (cursor["lastEvaluatedKey"] or {}).get("collectionId")
        batch, last = store.collection_page(repo_id, after, size)
        batch = [c for c in batch if collection_visible(c, who)]
        if not cursor["lastEvaluatedKey"]:
            with_default(store, repo_id, batch)
        seen[repo_id].update(c["collectionId"] for c in batch)
        if filters["filter"]:
            batch = [c for c in batch if matches(c, filters["filter"])]
        cursor["lastEvaluatedKey"], cursor["exhausted"] = last, last is None
        batches.append((repo_id, batch))
    merged = merge(batches, filters["sortBy"], filters["sortOrder"] == "desc")
    page = merged[offset:offset + size]
    if offset + size >= len(merged) and all(c["exhausted"] for c in cursors.values()):
        return page, None
    return page, {"version": "v2", "repositoryCursors": cursors,
                  "globalOffset": offset + size if offset + size < len(merged) else 0,
                  "seenCollectionIds": {r: sorted(ids) for r, ids in seen.items()}, "filters": filters}


def all_collections(store, query, who, repository_visible):
    size, token, filters = parse_query(query)
    repos = [r for r in store.repos if who["admin"] or repository_visible(store.repos[r]["config"])]
    page, next_token = [], None
    if repos:
        estimated = sum(len(store.repo_collections(r)) for r in repos)
        strategy = merged_page if estimated > 1000 else offset_page
        page, next_token = strategy(store, repos, who, size, token, filters)
    names = {r: store.repos[r]["config"].get("repositoryName", r) for r in repos}
    return {"collections": [dict(c, repositoryName=names.get(c["repositoryId"], c["repositoryId"])) for c in page],
            "pagination": {"totalCount": None, "currentPage": None, "totalPages": None},
            "lastEvaluatedKey": json.dumps(next_token) if next_token else None, "hasNextPage": next_token is not None,
            "hasPreviousPage": token is not None}
