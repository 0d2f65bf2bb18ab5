from repositories import tag_repository


def all_tags():
    return tag_repository.all_names()
