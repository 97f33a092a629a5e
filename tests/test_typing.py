"""What type checkers see: the generated API is typed so that mistakes are type errors.

Each case is a small program checked by mypy --strict and by pyright, as a user's
code would be. Good programs must check clean; each bad one must fail on its
marked line, with the message the case names.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from . import type_checkers
from .type_checkers import Errors, marked_line

GOOD = '''
from typing_extensions import assert_type

from stripe_lite import APIResponse, AsyncListPage, AsyncStripeClient, ListPage, StripeClient
from stripe_lite.models import Customer, DeletedCustomer, PaymentIntent, Price, Subscription
from stripe_lite.params import RangeQueryParam


def use(client: StripeClient) -> None:
    intent = client.payment_intents.create(amount=2000, currency="usd", metadata={"order": "1", "old": None})
    assert_type(intent, PaymentIntent)
    amount: int | None = intent.amount
    if isinstance(intent.customer, Customer):
        email: str | None = intent.customer.email
    unknown = intent.extra_fields.get("field_from_a_newer_version")
    page = client.customers.list(limit=3, created={"gte": 1})
    assert_type(page, ListPage[Customer])
    for customer in page:
        assert_type(customer, Customer)
    gone = client.customers.retrieve("cus_1")
    assert_type(gone, Customer | DeletedCustomer)
    price = client.prices.create(currency="usd", unit_amount=500, recurring={"interval": "month"}, product="prod_1")
    assert_type(price, Price)
    sub = client.subscriptions.create(customer="cus_1", items=[{"price": price.id}])
    assert_type(sub, Subscription)
    window: RangeQueryParam = {"gte": 1, "lt": 2}
    client.refunds.list(created=window)
    pdf: bytes = client.quotes.pdf("qt_1")
    response = client.with_response(client.payment_intents.create, amount=2000, currency="usd")
    assert_type(response, APIResponse[PaymentIntent])
    assert_type(response.parse(), PaymentIntent)
    assert_type(client.with_response(client.customers.list, limit=3).parse(), ListPage[Customer])


async def use_async(client: AsyncStripeClient) -> None:
    intent = await client.payment_intents.retrieve("pi_1")
    assert_type(intent, PaymentIntent)
    async for customer in client.customers.list():
        assert_type(customer, Customer)
    response = await client.with_response(client.customers.list, limit=3)
    assert_type(response.parse(), AsyncListPage[Customer])
    created = await client.with_response(client.payment_intents.create, amount=2000, currency="usd")
    assert_type(created.parse(), PaymentIntent)
'''

# (name, program, the message mypy gives, the message pyright gives); the error is on the line marked "# <-".
BAD = [
    (
        "a misspelled attribute",
        'def f(intent: PaymentIntent) -> object:\n    return intent.ammount  # <-',
        'has no attribute "ammount"',
        'Cannot access attribute "ammount"',
    ),
    (
        "a misspelled nested attribute",
        "def f(intent: PaymentIntent) -> object:\n"
        "    assert intent.shipping is not None\n"
        "    return intent.shipping.adress  # <-",
        'has no attribute "adress"',
        'Cannot access attribute "adress"',
    ),
    (
        "an unknown parameter",
        'def f(client: StripeClient) -> None:\n    client.payment_intents.create(amount=1, currency="usd", amout=2)  # <-',
        'Unexpected keyword argument "amout"',
        'No parameter named "amout"',
    ),
    (
        "a required parameter left out",
        "def f(client: StripeClient) -> None:\n    client.payment_intents.create(amount=1)  # <-",
        'Missing named argument "currency"',
        'Argument missing for parameter "currency"',
    ),
    (
        "a parameter of the wrong type",
        'def f(client: StripeClient) -> None:\n    client.payment_intents.create(amount="2000", currency="usd")  # <-',
        'incompatible type "str"',
        'cannot be assigned to parameter "amount"',
    ),
    (
        "a value outside a closed enum",
        'def f(client: StripeClient) -> None:\n    client.refunds.create(reason="because")  # <-',
        'incompatible type "Literal[\'because\']"',
        'cannot be assigned to parameter "reason"',
    ),
    (
        "a misspelled key of a nested parameter",
        "def f(client: StripeClient) -> None:\n"
        '    client.customers.create(address={"line1": "1 Main St", "postcode": "1"})  # <-',
        'Argument "address"',
        'parameter "address"',
    ),
    (
        "an expanded field read without narrowing",
        "def f(intent: PaymentIntent) -> object:\n    return intent.customer.email  # <-",
        'has no attribute "email"',
        'Cannot access attribute "email"',
    ),
    (
        "a parameter of the wrong type through with_response",
        "def f(client: StripeClient) -> None:\n"
        '    client.with_response(client.payment_intents.create, amount="2000", currency="usd")  # <-',
        'Argument "amount" to "with_response" of "StripeClient" has incompatible type "str"',
        'cannot be assigned to parameter "amount"',
    ),
    (
        "an idempotency key on a GET",
        'def f(client: StripeClient) -> None:\n    client.customers.retrieve("cus_1", idempotency_key="k")  # <-',
        'Unexpected keyword argument "idempotency_key"',
        'No parameter named "idempotency_key"',
    ),
]

HEADER = "from stripe_lite import StripeClient\nfrom stripe_lite.models import PaymentIntent\n\n\n"


@pytest.fixture(scope="module")
def programs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("typing")
    (folder / "good.py").write_text(textwrap.dedent(GOOD), encoding="utf-8")
    for index, (_, body, _, _) in enumerate(BAD):
        (folder / f"bad_{index}.py").write_text(HEADER + body + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def mypy_errors(programs: Path) -> Errors:
    return type_checkers.mypy_errors(programs)


@pytest.fixture(scope="module")
def pyright_errors(programs: Path) -> Errors:
    return type_checkers.pyright_errors(programs)


def test_good_code_checks_clean_under_mypy(mypy_errors: Errors) -> None:
    assert mypy_errors.get("good.py", []) == []


def test_good_code_checks_clean_under_pyright(pyright_errors: Errors) -> None:
    assert pyright_errors.get("good.py", []) == []


@pytest.mark.parametrize("index", range(len(BAD)), ids=[case[0] for case in BAD])
def test_mistakes_are_mypy_errors(index: int, programs: Path, mypy_errors: Errors) -> None:
    name = f"bad_{index}.py"
    line = marked_line(programs / name)
    messages = [message for at, message in mypy_errors.get(name, []) if at == line]
    assert any(BAD[index][2] in message for message in messages), mypy_errors.get(name)


@pytest.mark.parametrize("index", range(len(BAD)), ids=[case[0] for case in BAD])
def test_mistakes_are_pyright_errors(
    index: int, programs: Path, pyright_errors: Errors
) -> None:
    name = f"bad_{index}.py"
    line = marked_line(programs / name)
    messages = [message for at, message in pyright_errors.get(name, []) if at == line]
    assert any(BAD[index][3] in message for message in messages), pyright_errors.get(name)
